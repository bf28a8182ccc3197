from mmkaryo.apis import render_report


def record(name, karyotype, normal):
    return dict(file_name=name, karyotype=karyotype, sanity=1.0 if normal else 22 / 23, normal=normal,
                num_instances=46, polarity='bright_on_dark' if normal else 'dark_on_light', inverted=normal,
                overlay=f'{name}_overlay.png', karyogram=f'{name}_karyogram.png')


def test_report_lists_each_image_with_its_karyotype_and_flag():
    page = render_report([record('a', '46,XY', True), record('b<1>', '47,XX,+21', False)])
    assert page.startswith('<!DOCTYPE html>')
    assert '46,XY' in page and '47,XX,+21' in page
    assert 'src="a_overlay.png"' in page and 'src="a_karyogram.png"' in page
    assert 'b&lt;1&gt;' in page and 'b<1>' not in page
    assert page.count('not a normal karyotype</span>') == 1
    assert '1 flagged' in page
    assert '<script' not in page
    assert page.count('bright_on_dark image, inverted for the model') == 1
    assert page.count('dark_on_light image</p>') == 1
