import { render } from 'preact';
import { App } from './app';
import { startRestoringSession } from './auth/session';
import './styles.css';

startRestoringSession();
render(<App />, document.getElementById('app')!);
