"""Karyotypes from case-info.txt files as labs write them: what is kept, what is cut, what is refused."""
import pytest

from mmkaryo.datasets.converters import ConversionError, extract_karyotype, read_case_info
from mmkaryo.karyotype.iscn import parse_karyotype


def _read(tmp_path, content: bytes):
    (tmp_path / 'case-info.txt').write_bytes(content)
    return read_case_info(str(tmp_path))


def test_nul_padding_and_spaces_are_not_content(tmp_path):
    assert _read(tmp_path, b'46,XY\x00\x00\x00') == ('46,XY', '')
    assert _read(tmp_path, b'  43, XY, -19, -19, -22 \r\n\x00\x00\r\n') == ('43,XY,-19,-19,-22', '')


def test_lab_name_run_into_the_last_term_is_cut(tmp_path):
    read = _read(tmp_path, b'47,XY,+8Lab of X\x00\x00')
    assert read.karyotype == '47,XY,+8' and read.note == "read '47,XY,+8', cut 'Lab of X'"
    assert extract_karyotype('45,XX,-13 Cytogenetics Lab, Dept. 5').karyotype == '45,XX,-13'
    assert extract_karyotype('46,XYLab of X').karyotype == '46,XY'
    # the count decides where a lab name starting with Y begins
    assert extract_karyotype('46,XXYale Lab') == ('46,XX', "read '46,XX', cut 'Yale Lab'")


def test_other_lines_are_cut_and_named(tmp_path):
    read = _read(tmp_path, b'Patient Name:\r\nPatient ID: 1234\r\n45,XX,-13\x00\x00\r\n'
                           b'8,10,13 on edge of image\r\nDate: 12/03/2001\r\n')
    assert read.karyotype == '45,XX,-13'
    for text in ('Patient Name:', 'Patient ID: 1234', '8,10,13 on edge of image', 'Date: 12/03/2001'):
        assert repr(text) in read.note


@pytest.mark.parametrize('text, reason', [
    ('46,xy', "'xy' is not a numerical autosome gain or loss"),
    ('46.XY', 'no line starts with a chromosome count'),
    ('Karyotype: 46,XY', 'no line starts with a chromosome count'),
    ('45,XX,-13 -18', "'-13 -18' is not"),
    ('45,XX,-13,-18', 'its terms give 44 chromosomes, not 45'),
    ('46,XY,+8Lab of X', 'its terms give 47 chromosomes, not 46'),
    ('46,XY,', "'' is not"),
    ('\x00\x00 \n', 'no text'),
])
def test_a_typo_is_reported_not_mended(tmp_path, text, reason):
    read = _read(tmp_path, text.encode())
    assert read.karyotype is None
    assert read.note.startswith('no karyotype read') and reason in read.note


@pytest.mark.parametrize('text', [
    '45,XX,-13,-18,+der(5)',  # 45,XX,-13 would parse: a structural karyotype is never cut short
    '46,XY,t(5;16)',
    '47,XY,+8[20]',
    '47,XXY/46,XY',
    '47,XY,+8mat,t(5;16)',  # the text after +8 holds a rearrangement
    '47,XY,+8mat/46,XY',
    '46,XY\nt(5;16) in 3 cells',
    '46,XY\n47,XY,+8',  # two karyotypes: which one is the case's is not guessed
])
def test_iscn_is_never_cut_into_another_karyotype(text):
    read = extract_karyotype(text)
    assert read.karyotype is None and read.note.startswith('no karyotype read')


@pytest.mark.parametrize('text', [
    '46,XY', '46,XY\x00\x00', '47,XY,+8Lab of X', 'Patient Name: A. B.\n45,X', '46,XXYale', '46,xy',
    '45,XX,-13,-18,+der(5)', '47,XY,+8mat,t(5;16)', 'Lab of X', '44,XY,-11, -22\n8,10,13 on edge',
])
def test_what_is_read_is_iscn_the_parser_accepts(text):
    karyotype = extract_karyotype(text).karyotype
    if karyotype is not None:
        parse_karyotype(karyotype)
        assert karyotype in text.replace(' ', '') and not set(karyotype) - set('0123456789,+-XY')


def test_a_missing_file_is_fatal_and_named(tmp_path):
    with pytest.raises(ConversionError, match='case-info.txt: cannot read'):
        read_case_info(str(tmp_path))
