import { render } from 'preact';
import '@/components/pages.css';
import { Options } from './Options';

document.body.style.padding = '16px 24px';
render(<Options />, document.getElementById('app')!);
