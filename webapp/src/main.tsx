import { render } from 'preact';
import { App } from './app';
import { applyToDocument, getLocale } from './i18n';
import './styles.css';

applyToDocument(getLocale());
render(<App />, document.getElementById('app')!);
