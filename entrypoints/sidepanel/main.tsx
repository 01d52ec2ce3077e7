import { render } from 'preact';

render(<p>Leadside</p>, document.getElementById('app')!);
