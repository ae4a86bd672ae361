import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app/app';
import { AppProviders } from './app/app-providers';
import { FirstStartPage } from './pages/first-start/first-start-page';
import './i18n';
import './styles/app.css';

// The shared schemas' built-in messages reach staff too; main speaks Chinese, so the form does as well.
z.config(z.locales.zhCN());

const root = document.getElementById('root');
if (!root) throw new Error('index.html is missing #root');
// The desktop's first start asks how this PC is used before anything opens a database.
const workstation = window.dealerWorkstation;
createRoot(root).render(
  <StrictMode>
    {workstation?.state === 'setup' ? (
      <AppProviders>
        <FirstStartPage bridge={workstation} />
      </AppProviders>
    ) : (
      <App />
    )}
  </StrictMode>,
);
