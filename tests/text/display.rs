//! Display lines: widths, truncation, wrapping, alignment, shaping and the terminal mode.

use khutta::model::Lang;
use khutta::text::{
    Align, BidiMode, DisplayOptions, Shaping, display_line, display_paragraph, str_width,
};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

fn arabic() -> DisplayOptions {
    DisplayOptions::for_lang(Lang::Ar)
}

#[test]
fn right_to_left_lines_are_right_aligned() {
    // "مرحبا 42" in 10 cells: visual "42 ابحرم" (8 cells) with two spaces on the left.
    let line = display_line("مرحبا 42", 10, &arabic());
    assert_eq!(line.text, "  42 ابحرم");
    assert_eq!(line.width, 10);
    assert!(line.direction.is_rtl());
    // English in the same column sits on the left.
    let line = display_line("Pilot", 10, &arabic());
    assert_eq!(line.text, "Pilot     ");
    let line = display_line(
        "Budget",
        10,
        &DisplayOptions {
            align: Align::Right,
            ..arabic()
        },
    );
    assert_eq!(line.text, "    Budget");
}

#[test]
fn widths_are_exact_with_harakat_lam_alef_and_mixed_text() {
    // Harakat take no cell: five letters, five cells, then five of padding.
    let line = display_line("مَرْحَبًا", 10, &arabic());
    assert_eq!(str_width(&line.text), 10);
    assert_eq!(
        line.text,
        "     \u{627}\u{628}\u{64B}\u{62D}\u{64E}\u{631}\u{652}\u{645}\u{64E}"
    );
    // "لا للسلاح 2025" (no to arms 2025): 14 cells, although unicode-width says 12.
    assert_eq!(str_width("لا للسلاح 2025"), 14);
    let line = display_line("لا للسلاح 2025", 20, &arabic());
    assert_eq!(line.width, 20);
    assert_eq!(str_width(&line.text), 20);
    // Mixed Arabic, Latin and digits.
    let line = display_line("برنامج UNDP 2025-2026 للشباب", 40, &arabic());
    assert_eq!(str_width(&line.text), 40);
}

#[test]
fn ratatui_lays_out_segments_at_their_true_width() {
    // "السلام عليكم" drawn right to left is "مكيلع مالسلا": its last two letters are lam
    // then alef, which unicode-width (and so ratatui's Span::width) counts as one cell.
    let line = display_line("السلام عليكم", 14, &arabic());
    assert_eq!(line.text, "  مكيلع مالسلا");
    assert_eq!(Line::from(line.text.clone()).width(), line.width - 1);
    // Built from one Span per segment, the Line has its true width, and a span after it is
    // drawn after the last letter instead of over it.
    let mut spans: Vec<Span> = line.segments().map(Span::raw).collect();
    spans.push(Span::raw("|"));
    let widget = Line::from(spans);
    assert_eq!(widget.width(), line.width + 1);
    let mut buf = Buffer::empty(Rect::new(0, 0, 15, 1));
    widget.render(buf.area, &mut buf);
    assert_eq!(buf[(13, 0)].symbol(), "\u{627}");
    assert_eq!(buf[(14, 0)].symbol(), "|");
}

#[test]
fn truncation_happens_on_logical_text() {
    // "مرحبا بكم في خطة" in 8 cells keeps the beginning "مرحبا ب" and puts the ellipsis at
    // the end of reading, on the left: "…ب ابحرم".
    let line = display_line("مرحبا بكم في خطة", 8, &arabic());
    assert!(line.truncated);
    assert_eq!(line.text, "…ب ابحرم");
    // An English word cut inside an Arabic title: "مشروع Alp…" drawn "…Alp عورشم".
    let line = display_line("مشروع Alpha Beta", 10, &arabic());
    assert_eq!(line.text, "…Alp عورشم");
    // English: the end is cut, and spaces before the ellipsis are dropped.
    let line = display_line("Youth Employment Programme", 10, &arabic());
    assert_eq!(line.text, "Youth Emp…");
    let line = display_line("Youth Employment", 7, &arabic());
    assert_eq!(line.text, "Youth… ");
    // Harakat are never split from their letter by a cut.
    let line = display_line("مَرْحَبًا بِكُمْ", 3, &arabic());
    assert_eq!(line.text, "…\u{631}\u{652}\u{645}\u{64E}");
    assert_eq!(display_line("abc", 0, &arabic()).text, "");
    assert_eq!(display_line("مرحبا", 1, &arabic()).text, "…");
}

#[test]
fn paragraphs_wrap_before_reordering() {
    // "واحد اثنان ثلاثة" (one two three) in 10 cells: the first line holds the first two
    // words, reordered; the second line is right-aligned.
    let lines = display_paragraph("واحد اثنان ثلاثة", 10, &arabic());
    let texts: Vec<_> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, ["نانثا دحاو", "     ةثالث"]);
    // A wrapped line that starts with English keeps its paragraph's direction.
    let lines = display_paragraph("مشروع جديد Alpha Beta", 12, &arabic());
    let texts: Vec<_> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, ["  ديدج عورشم", "  Alpha Beta"]);
    assert!(lines.iter().all(|l| l.direction.is_rtl()));
    // Each line of the text is a paragraph with its own direction.
    let lines = display_paragraph("Title\nعنوان", 6, &arabic());
    let texts: Vec<_> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, ["Title ", " ناونع"]);
    assert_eq!(display_paragraph("", 4, &arabic()).len(), 1);
}

#[test]
fn shaping_joins_letters_and_keeps_harakat() {
    let shaped = DisplayOptions {
        shaping: Shaping::App,
        align: Align::None,
        ..arabic()
    };
    // "سلام": seen initial U+FEB3, lam-alef final U+FEFC, meem isolated U+FEE1; drawn
    // right to left, three cells.
    let line = display_line("سلام", usize::MAX, &shaped);
    assert_eq!(line.text, "\u{FEE1}\u{FEFC}\u{FEB3}");
    assert_eq!(line.width, 3);
    // "مَرْحَبًا" shaped, then reordered: marks still follow their letters.
    let line = display_line("مَرْحَبًا", usize::MAX, &shaped);
    assert_eq!(
        line.text,
        "\u{FE8E}\u{FE92}\u{64B}\u{FEA3}\u{64E}\u{FEAE}\u{652}\u{FEE3}\u{64E}"
    );
}

#[test]
fn terminal_mode_sends_logical_order() {
    let opts = DisplayOptions {
        bidi: BidiMode::Terminal,
        ..arabic()
    };
    let line = display_line("مرحبا 42", 10, &opts);
    assert_eq!(line.text, "  مرحبا 42");
    // Still escaped and still cut on the logical end.
    assert_eq!(
        display_line("مرحبا\u{1b}[2J", 20, &opts).text,
        "      مرحبا\\u{1b}[2J"
    );
    assert_eq!(display_line("مرحبا بكم", 4, &opts).text, "مرح…");
}

#[test]
fn controls_are_shown_escaped() {
    let opts = DisplayOptions {
        align: Align::None,
        ..DisplayOptions::default()
    };
    let line = display_line("Pilot\u{1b}[2J\u{7}", usize::MAX, &opts);
    assert_eq!(line.text, "Pilot\\u{1b}[2J\\u{7}");
    assert_eq!(line.width, str_width(&line.text));
    // Line breaks and tabs in a one-line cell are spaces.
    assert_eq!(
        display_line("a\nb\tc\r\nd", usize::MAX, &opts).text,
        "a b c d"
    );
    // An isolate from Fluent or a file cannot hide text.
    assert_eq!(
        display_line("x\u{2068}y\u{2069}", usize::MAX, &opts).text,
        "x\\u{2068}y\\u{2069}"
    );
}
