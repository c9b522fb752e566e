import { render } from 'preact';
import { SimulatorApp } from './SimulatorApp';

const root = document.getElementById('app');
if (root) render(<SimulatorApp />, root);
