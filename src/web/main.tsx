// First: the requests the first screen waits for leave before the rest of the app is evaluated.
import { earlyLocalConfig } from './app/early-requests.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { App } from './app/app.tsx';
import { readLocalConfig } from './features/connection/connection.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App localConfigAtStart={readLocalConfig(earlyLocalConfig)} />
    </StrictMode>,
  );
}
