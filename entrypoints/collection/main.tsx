import { render } from 'preact';
import '@/components/pages.css';
import { Collection } from './Collection';

document.body.style.padding = '16px 24px';
render(<Collection />, document.getElementById('app')!);
