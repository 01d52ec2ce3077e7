import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import { openDatabase } from '../../lib/platform/database';
import '../../components/styles.css';

render(<OptionsApp db={openDatabase()} />, document.getElementById('app')!);
