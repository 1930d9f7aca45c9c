/** The single-page app's entry: mounts the page the address asks for. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/base.css';
import './styles/customer.css';
import './styles/staff.css';
import './styles/desk.css';
import './styles/dashboard.css';
import './styles/conversation.css';
import './styles/responsive.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element to mount the app in');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
