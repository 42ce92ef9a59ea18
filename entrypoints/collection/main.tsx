import { render } from 'preact';
import '@/components/pages.css';
import './collection.css';
import { Collection } from './Collection';

render(<Collection />, document.getElementById('app')!);
