import { render } from 'preact';
render(<p>Incident Lens</p>, document.getElementById('app')!);
