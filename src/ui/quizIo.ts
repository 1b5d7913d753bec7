/**
 * The quiz's ties to the browser: saved progress in localStorage (through the domain's
 * loadProgress / saveProgress, which never lose unreadable text), downloads, and quiz links
 * (`?quiz=` holding the quiz file, base64url-encoded, so a link works offline).
 */
import type { KeyValueStore } from '../domain/quiz/progress.ts';
import { decodeTextFile } from '../domain/textFile.ts';

/**
 * A file (or a fetched body) as text, read as the command line reads it: a UTF-8 byte-order mark
 * dropped (as Notepad saves), UTF-16 by its mark, bytes that are not text refused (TextFileError).
 */
export async function readTextFile(f: Blob | Response): Promise<string> {
  return decodeTextFile(new Uint8Array(await f.arrayBuffer()));
}

/**
 * The browser's storage for progress. localStorage whenever the browser gives it, even when it is
 * full (what was saved before still reads, and each save tries again: a full storage is told to
 * the user by the save's result, never hidden). Only where the browser refuses storage outright
 * (some private modes) an in-memory stand-in, with `persistent: false` so the app can say that
 * results last until the page closes.
 */
export function browserStore(): KeyValueStore & { readonly persistent: boolean } {
  let ls: Storage | null = null;
  try {
    ls = window.localStorage;
    ls.getItem('needlewise.probe'); // throws where storage is refused
  } catch {
    ls = null;
  }
  if (ls) {
    const s = ls;
    return {
      persistent: true,
      getItem: (k) => s.getItem(k),
      setItem: (k, v) => s.setItem(k, v),
      removeItem: (k) => s.removeItem(k),
      keys: () => Array.from({ length: s.length }, (_, i) => s.key(i)).filter((k) => k !== null),
    };
  }
  const mem = new Map<string, string>();
  return {
    persistent: false,
    getItem: (k) => mem.get(k) ?? null,
    setItem: (k, v) => void mem.set(k, v),
    removeItem: (k) => void mem.delete(k),
    keys: () => [...mem.keys()],
  };
}

/** Saves text as a file. */
export function downloadText(text: string, name: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The name of a student's answers download: the quiz and, when given, the student's name, so a
 * class's files do not all arrive under one name (`<quiz>.<student>.answers.json`).
 */
export function answersFileName(quizTitle: string, student: string): string {
  // letters of any script kept (a name in Greek or Chinese is still a name), nothing else
  const who = student
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `${fileStem(quizTitle)}${who ? `.${who}` : ''}.answers.json`;
}

/** A file-name-safe form of a title. */
export function fileStem(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'quiz'
  );
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder('utf-8', { fatal: true }).decode(
    Uint8Array.from(bin, (c) => c.charCodeAt(0)),
  );
}

/** A link to this page in `mode` carrying a file's JSON in `?<param>=` (works offline). */
export function dataLink(param: 'quiz' | 'tour', jsonText: string, mode: 'quiz' | 'teach'): string {
  const url = new URL(location.href);
  url.hash = `m=${mode}`;
  url.search = `?${param}=${toBase64Url(JSON.stringify(JSON.parse(jsonText)))}`;
  return url.toString();
}

/** A link to this page that opens the quiz (the quiz file travels in the link itself). */
export function quizLink(quizText: string): string {
  return dataLink('quiz', quizText, 'quiz');
}

/** The file text a link carries in `?<param>=`, or null; throws with a message when damaged. */
export function textFromLocation(param: 'quiz' | 'tour'): string | null {
  const raw = new URLSearchParams(location.search).get(param);
  if (raw === null) return null;
  try {
    return fromBase64Url(raw);
  } catch {
    throw new Error(
      `the ${param} in this link is damaged (it is not base64url-encoded UTF-8 text)`,
    );
  }
}

/** The quiz file text a link carries, or null. */
export function quizTextFromLocation(): string | null {
  return textFromLocation('quiz');
}
