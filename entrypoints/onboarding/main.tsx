import { render } from 'preact';
import '@/components/pages.css';
import { Onboarding } from './Onboarding';

document.body.style.padding = '16px 24px';
render(<Onboarding />, document.getElementById('app')!);
