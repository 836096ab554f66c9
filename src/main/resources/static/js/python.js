// "Download as Python": the editor's request as a standalone script (Accept: text/x-python), numpy or PyTorch,
// with its comments in the language chosen for the explanations.

import { postForText, ProblemError } from './api.js';
import { editor, showProblem, clearErrors } from './editor.js';
import { $, say, setState } from './page.js';

let url = null; // the object URL of the last script, released when the next one is made

export async function downloadPython() {
  clearErrors();
  const framework = $('python-framework').value;
  setState('busy');
  try {
    const script = await postForText(`/train-step?framework=${encodeURIComponent(framework)}`, editor.value,
      'text/x-python', $('language').value || 'en');
    if (url) URL.revokeObjectURL(url);
    url = URL.createObjectURL(new Blob([script], { type: 'text/x-python' }));
    const link = $('python-link');
    link.href = url;
    link.download = `backprop_step_${framework}.py`;
    link.textContent = `backprop_step_${framework}.py`;
    link.hidden = false;
    link.click();
    say(`The step as a ${framework} script: run python3 ${link.download} (or with --json for the JSON answer).`);
    setState('ready');
  } catch (e) {
    if (e instanceof ProblemError) showProblem(e);
    else say(`The script could not be made: ${e.message}`);
    setState('error');
  }
}
