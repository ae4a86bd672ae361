import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app/app';
import './i18n';
import './styles/app.css';

// The shared schemas' built-in messages reach staff too; main speaks Chinese, so the form does as well.
z.config(z.locales.zhCN());

const root = document.getElementById('root');
if (!root) throw new Error('index.html is missing #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
