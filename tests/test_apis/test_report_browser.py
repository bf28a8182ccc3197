"""report.html in a real headless Chromium, driven through the DevTools protocol over a pipe.

``--remote-debugging-pipe`` makes Chromium read DevTools commands from fd 3 and write replies and
events to fd 4, NUL-separated JSON: no websocket package is needed. Chromium comes from Debian's
``chromium`` package; when it is missing the test installs it (``apt-get install -y chromium``) only as
root with ``CI=true``, and otherwise skips, saying so.
"""
import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path

import pytest

CHROMIUM = '/usr/bin/chromium'
CHROMIUM_FLAGS = ('--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
                  '--disable-component-update', '--disable-sync', '--no-first-run')


@pytest.fixture(scope='module')
def chromium() -> str:
    """Path of the Chromium binary (installed when missing as root under CI, else a skip)."""
    if Path(CHROMIUM).is_file():
        return CHROMIUM
    if os.geteuid() == 0 and os.environ.get('CI') == 'true':
        env = dict(os.environ, DEBIAN_FRONTEND='noninteractive')
        if subprocess.run(['apt-get', 'install', '-y', 'chromium'], env=env).returncode != 0:
            subprocess.run(['apt-get', 'update'], env=env, check=True)
            subprocess.run(['apt-get', 'install', '-y', 'chromium'], env=env, check=True)
        return CHROMIUM
    found = shutil.which('chromium')
    if found:
        return found
    pytest.skip(f'{CHROMIUM} is not installed; the test installs Debian\'s chromium only when running as '
                'root with CI=true')


class DevToolsPipe:
    """A headless Chromium and a blocking DevTools client over its debugging pipe."""

    def __init__(self, binary: str, user_data_dir: Path) -> None:
        self._to_chromium_read, self._to_chromium = os.pipe()
        self._from_chromium, self._from_chromium_write = os.pipe()
        child_read, child_write = self._to_chromium_read, self._from_chromium_write

        def use_fds_3_and_4():
            high_read = fcntl.fcntl(child_read, fcntl.F_DUPFD, 10)
            high_write = fcntl.fcntl(child_write, fcntl.F_DUPFD, 10)
            os.dup2(high_read, 3)
            os.dup2(high_write, 4)

        self.process = subprocess.Popen(
            [binary, *CHROMIUM_FLAGS, f'--user-data-dir={user_data_dir}', '--remote-debugging-pipe',
             'about:blank'], preexec_fn=use_fds_3_and_4, close_fds=False, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        os.close(child_read)
        os.close(child_write)
        self._buffer = b''
        self._next_id = 0
        self.events = []

    def _receive(self, deadline: float) -> dict:
        while b'\0' not in self._buffer:
            ready, _, _ = select.select([self._from_chromium], [], [], max(0.0, deadline - time.time()))
            if not ready:
                raise TimeoutError('Chromium did not answer in time')
            chunk = os.read(self._from_chromium, 1 << 16)
            if not chunk:
                raise RuntimeError('Chromium closed its DevTools pipe')
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b'\0', 1)
        return json.loads(message)

    def send(self, method: str, session_id: str = None, timeout: float = 30, **params) -> dict:
        self._next_id += 1
        message = dict(id=self._next_id, method=method, params=params)
        if session_id:
            message['sessionId'] = session_id
        os.write(self._to_chromium, json.dumps(message).encode() + b'\0')
        deadline = time.time() + timeout
        while True:
            reply = self._receive(deadline)
            if reply.get('id') == self._next_id:
                if 'error' in reply:
                    raise RuntimeError(f'{method}: {reply["error"]}')
                return reply['result']
            self.events.append(reply)

    def wait_for(self, method: str, timeout: float = 30) -> dict:
        deadline = time.time() + timeout
        for event in self.events:
            if event.get('method') == method:
                return event
        while True:
            event = self._receive(deadline)
            self.events.append(event)
            if event.get('method') == method:
                return event

    def drain(self, seconds: float) -> None:
        deadline = time.time() + seconds
        try:
            while True:
                self.events.append(self._receive(deadline))
        except TimeoutError:
            pass

    def close(self) -> None:
        try:
            self.send('Browser.close', timeout=5)
        except (OSError, RuntimeError, TimeoutError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_chromium)
        os.close(self._from_chromium)


def console_errors(events) -> list:
    errors = []
    for event in events:
        params = event.get('params', {})
        if event.get('method') == 'Runtime.exceptionThrown':
            details = params['exceptionDetails']
            errors.append(f'{details.get("text")} {details.get("exception", {}).get("description", "")}')
        elif event.get('method') == 'Runtime.consoleAPICalled' and params.get('type') in ('error', 'assert'):
            errors.append(str(params.get('args')))
        elif event.get('method') == 'Log.entryAdded' and params['entry']['level'] == 'error':
            errors.append(f'{params["entry"].get("text")} {params["entry"].get("url", "")}')
    return errors


@pytest.mark.slow
def test_report_loads_cleanly_and_shows_every_karyotype(chromium, analysis, tmp_path):
    browser = DevToolsPipe(chromium, tmp_path / 'profile')
    try:
        target = browser.send('Target.createTarget', url='about:blank')['targetId']
        session = browser.send('Target.attachToTarget', targetId=target, flatten=True)['sessionId']
        for domain in ('Runtime', 'Log', 'Page'):
            browser.send(f'{domain}.enable', session)
        browser.send('Emulation.setDeviceMetricsOverride', session, width=1280, height=1000,
                     deviceScaleFactor=1, mobile=False)
        browser.send('Page.navigate', session, url=(analysis / 'report.html').as_uri())
        browser.wait_for('Page.loadEventFired')
        browser.drain(1.0)
        page = browser.send('Runtime.evaluate', session, returnByValue=True, expression=(
            'JSON.stringify({text: document.body.innerText, images: document.images.length, broken: '
            '[...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)})'))
        page = json.loads(page['result']['value'])
        screenshot = base64.b64decode(browser.send('Page.captureScreenshot', session, format='png')['data'])
    finally:
        browser.close()
    assert console_errors(browser.events) == []
    records = [json.loads(p.read_text()) for p in sorted(analysis.glob('*.json'))
               if p.name != 'results.coco.json']
    assert len(records) == 2 and page['images'] == 4 and page['broken'] == []
    for record in records:
        assert record['file_name'] in page['text'] and record['karyotype'] in page['text']
    assert screenshot.startswith(b'\x89PNG') and len(screenshot) > 10_000
    (tmp_path / 'report_screenshot.png').write_bytes(screenshot)
