import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { UpdateNotice } from './ui/UpdateNotice.tsx';
import './styles/app.css';

// the test API only in builds for the browser tests: it can read the quiz's answers
if (import.meta.env.VITE_NEEDLEWISE_TEST_API === '1')
  void import('./scene/testApi.ts').then((m) => m.installTestApi());

const root = document.getElementById('root');
if (!root) throw new Error('main: #root element is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
    <UpdateNotice />
  </StrictMode>,
);
