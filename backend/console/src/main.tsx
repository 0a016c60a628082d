import './console.css';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ConsoleApp } from './console-app.tsx';
import { LanguageProvider } from './i18n/language-context.tsx';
import { stampStyleNonce } from './style-nonce.ts';

// The server puts a fresh nonce in this meta tag with every page; the Content-Security-Policy admits styles with it.
stampStyleNonce(document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content);
const root = document.getElementById('root');
if (!root) throw new Error('the console page has no #root element');

createRoot(root).render(
  <LanguageProvider>
    <BrowserRouter basename="/console">
      <ConsoleApp />
    </BrowserRouter>
  </LanguageProvider>,
);
