import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { installTestApi } from './scene/testApi.ts';
import { UpdateNotice } from './ui/UpdateNotice.tsx';
import './styles/app.css';

installTestApi();

const root = document.getElementById('root');
if (!root) throw new Error('main: #root element is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
    <UpdateNotice />
  </StrictMode>,
);
