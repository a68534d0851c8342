//! Editing a field: insert, move and delete in Arabic with harakat, and in mixed text.

use khutta::model::Lang;
use khutta::text::{BidiMode, DisplayOptions, EditBuffer, Shaping};

const FATHA: char = '\u{64E}';
const SUKUN: char = '\u{652}';
const SHADDA: char = '\u{651}';

fn arabic_field(text: &str) -> EditBuffer {
    EditBuffer::new(text, DisplayOptions::for_lang(Lang::Ar))
}

fn type_chars(b: &mut EditBuffer, chars: &[char]) {
    for c in chars {
        b.insert_char(*c);
    }
}

#[test]
fn typing_arabic_with_harakat() {
    let mut b = arabic_field("");
    type_chars(&mut b, &['م', FATHA, 'ر', SUKUN, 'ح', FATHA]);
    assert_eq!(b.text(), "مَرْحَ");
    // A haraka joins its letter: three graphemes, the cursor after the third.
    assert_eq!((b.len(), b.cursor()), (3, 3));
}

#[test]
fn backspace_after_typing_a_haraka_takes_back_only_the_haraka() {
    let mut b = arabic_field("");
    type_chars(&mut b, &['ب', SHADDA, FATHA]);
    // Beh, shadda, fatha: one grapheme.
    assert_eq!(b.text(), "\u{628}\u{651}\u{64E}");
    assert_eq!(b.len(), 1);
    assert!(b.backspace());
    assert_eq!(b.text(), "\u{628}\u{651}");
    assert!(b.backspace());
    assert_eq!(b.text(), "ب");
    assert!(b.backspace());
    assert_eq!(b.text(), "");
    assert!(!b.backspace());
}

#[test]
fn backspace_otherwise_removes_the_letter_with_its_harakat() {
    let mut b = arabic_field("مَرْحَبًا");
    // The cursor starts at the end; one step right in an Arabic field goes back one letter.
    b.move_right();
    assert_eq!(b.cursor(), 4);
    assert!(b.backspace());
    assert_eq!(b.text(), "مَرْحَا");
    assert_eq!(b.cursor(), 3);
    // Typing a letter and then Backspace removes the letter, whatever harakat came before.
    type_chars(&mut b, &['ب']);
    assert!(b.backspace());
    assert_eq!(b.text(), "مَرْحَا");
}

#[test]
fn delete_removes_the_whole_grapheme_after_the_cursor() {
    let mut b = arabic_field("مَرْحَبًا");
    b.home();
    assert!(b.delete());
    assert_eq!(b.text(), "رْحَبًا");
    b.end();
    assert!(!b.delete());
}

#[test]
fn insert_in_the_middle_of_a_word() {
    let mut b = arabic_field("مَرْحَبًا");
    b.set_cursor(2);
    b.insert_char('ي');
    assert_eq!(b.text(), "مَرْيحَبًا");
    assert_eq!(b.cursor(), 3);
    // A haraka typed there lands on the new letter, not on the next one.
    b.insert_char(SUKUN);
    assert_eq!(b.text(), "مَرْيْحَبًا");
    assert_eq!(b.cursor(), 3);
    b.insert_str("ـ");
    assert_eq!(b.cursor(), 4);
}

#[test]
fn arrows_move_visually_in_an_arabic_field() {
    let mut b = arabic_field("مَرْحَبًا");
    b.home();
    // Home is the right edge; Left walks forward through the letters.
    let mut seen = vec![b.cursor()];
    for _ in 0..6 {
        b.move_left();
        seen.push(b.cursor());
    }
    assert_eq!(seen, [0, 1, 2, 3, 4, 5, 5]);
    b.move_right();
    assert_eq!(b.cursor(), 4);
    b.home();
    b.move_right();
    assert_eq!(b.cursor(), 0);
}

#[test]
fn cursor_column_in_an_arabic_field() {
    // "مرحبا" (5 cells) in a 10-cell field: the text fills columns 5..10, right-aligned.
    let mut b = arabic_field("مرحبا");
    assert_eq!(b.view(10).line.text, "     ابحرم");
    // At the end, the cursor waits left of the text.
    assert_eq!(b.view(10).cursor, 4);
    b.home();
    // On the first letter, the rightmost cell.
    assert_eq!(b.view(10).cursor, 9);
    b.move_left();
    assert_eq!(b.view(10).cursor, 8);
}

#[test]
fn mixed_arabic_and_english_cursor_motion() {
    // "سلام abc" in an Arabic field is drawn "abc مالس": columns 2..10 of a 10-cell field.
    // Graphemes: س0 ل1 ا2 م3 space4 a5 b6 c7, end 8.
    let mut b = arabic_field("سلام abc");
    assert_eq!(b.view(10).line.text, "  abc مالس");
    b.home();
    let mut path = vec![(b.cursor(), b.view(10).cursor)];
    for _ in 0..8 {
        b.move_left();
        path.push((b.cursor(), b.view(10).cursor));
    }
    // Left moves one cell left each time, even across the English word, whose letters are
    // then visited a, b, c in logical terms c, b, a.
    assert_eq!(
        path,
        [
            (0, 9),
            (1, 8),
            (2, 7),
            (3, 6),
            (4, 5),
            (7, 4),
            (6, 3),
            (5, 2),
            (8, 1)
        ]
    );
    // And Right retraces the same cells.
    let mut back = vec![b.cursor()];
    for _ in 0..8 {
        b.move_right();
        back.push(b.cursor());
    }
    assert_eq!(back, [8, 5, 6, 7, 4, 3, 2, 1, 0]);
}

#[test]
fn english_field_moves_left_to_right() {
    let mut b = EditBuffer::new("abc", DisplayOptions::for_lang(Lang::En));
    b.move_left();
    assert_eq!(b.cursor(), 2);
    let view = b.view(6);
    assert_eq!(view.line.text, "abc   ");
    assert_eq!(view.cursor, 2);
    b.end();
    assert_eq!(b.view(6).cursor, 3);
}

#[test]
fn terminal_mode_moves_logically() {
    let opts = DisplayOptions {
        bidi: BidiMode::Terminal,
        ..DisplayOptions::for_lang(Lang::Ar)
    };
    let mut b = EditBuffer::new("سلام abc", opts);
    b.home();
    for _ in 0..6 {
        b.move_left();
    }
    assert_eq!(b.cursor(), 6);
}

#[test]
fn lam_alef_ligature_shares_one_cell() {
    let opts = DisplayOptions {
        shaping: Shaping::App,
        ..DisplayOptions::for_lang(Lang::Ar)
    };
    let mut b = EditBuffer::new("لا", opts);
    assert_eq!(b.view(4).line.text, "   \u{FEFB}");
    b.home();
    assert_eq!(b.view(4).cursor, 3);
    b.move_left();
    // Between lam and alef: still on the ligature's cell.
    assert_eq!((b.cursor(), b.view(4).cursor), (1, 3));
    b.move_left();
    assert_eq!((b.cursor(), b.view(4).cursor), (2, 2));
}

#[test]
fn long_text_scrolls_to_keep_the_cursor_visible() {
    let mut b = EditBuffer::new("abcdefghij", DisplayOptions::for_lang(Lang::En));
    // Five cells: four of text and one for the cursor at the end.
    let view = b.view(5);
    assert_eq!(view.line.text, "ghij ");
    assert_eq!(view.cursor, 4);
    b.home();
    let view = b.view(5);
    assert_eq!(view.line.text, "abcd ");
    assert_eq!(view.cursor, 0);
}

#[test]
fn a_lone_haraka_is_shown_on_a_dotted_circle() {
    let mut b = arabic_field("");
    b.insert_char(FATHA);
    assert_eq!(b.len(), 1);
    assert_eq!(b.view(3).line.text, "  \u{25CC}\u{64E}");
    assert!(b.backspace());
    assert!(b.is_empty());
}
