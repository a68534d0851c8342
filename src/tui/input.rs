//! A one-line text field: the text in logical order and a cursor between characters.

/// An editable line of text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Input {
    text: String,
    /// Cursor, in characters from the start of the logical text.
    cursor: usize,
}

impl Input {
    /// A field holding `text`, with the cursor at its end.
    pub fn new(text: &str) -> Input {
        Input {
            text: text.to_owned(),
            cursor: text.chars().count(),
        }
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor, in characters.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn byte(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Inserts text at the cursor.
    pub fn insert(&mut self, s: &str) {
        let at = self.byte(self.cursor);
        // A pasted newline would become part of a one-line value; it is a space here.
        let clean: String = s
            .chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
            .collect();
        self.text.insert_str(at, &clean);
        self.cursor += clean.chars().count();
    }

    /// Deletes the character before the cursor.
    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            let (a, b) = (self.byte(self.cursor - 1), self.byte(self.cursor));
            self.text.replace_range(a..b, "");
            self.cursor -= 1;
        }
    }

    /// Deletes the character after the cursor.
    pub fn delete(&mut self) {
        let (a, b) = (self.byte(self.cursor), self.byte(self.cursor + 1));
        self.text.replace_range(a..b, "");
    }

    /// Moves the cursor one character towards the start (`-1`) or the end (`1`).
    pub fn step(&mut self, delta: isize) {
        let n = self.text.chars().count();
        self.cursor = self.cursor.saturating_add_signed(delta).min(n);
    }

    /// Moves the cursor to the start.
    pub fn home(&mut self) {
        self.cursor = 0;
    }

    /// Moves the cursor to the end.
    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }

    /// Replaces the whole text.
    pub fn set(&mut self, text: &str) {
        *self = Input::new(text);
    }
}
