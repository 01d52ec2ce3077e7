import { render } from 'preact';

render(<p>Leadside settings</p>, document.getElementById('app')!);
