//! Terminal input on a thread of its own.
//!
//! Once the terminal is gone (a closed window, a dropped ssh session, a killed tmux pane)
//! crossterm's `event::poll` never returns: its reader retries a descriptor that stays readable
//! at end of file, whatever the timeout (crossterm-rs/crossterm#793). Read on the run loop's
//! thread, that left khutta spinning forever and deaf to SIGHUP and SIGTERM. Read here, it only
//! stalls this thread: the run loop still sees the signal, writes the recovery file and leaves,
//! and the process ends with this thread.

use crossterm::event::{self, Event};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

/// What the input thread reports.
pub(crate) enum Input {
    /// A key, mouse, paste or resize event.
    Event(Event),
    /// The terminal cannot be read any more.
    Gone,
}

/// The input thread, and a way to stop it reading while another program uses the terminal.
pub(crate) struct Reader {
    paused: Arc<AtomicBool>,
    idle: Arc<AtomicBool>,
}

impl Reader {
    /// Starts reading terminal events into `tx`, each wrapped by `wrap`.
    pub fn spawn<T: Send + 'static>(tx: Sender<T>, wrap: fn(Input) -> T) -> Reader {
        let paused = Arc::new(AtomicBool::new(false));
        let idle = Arc::new(AtomicBool::new(false));
        let (p, i) = (Arc::clone(&paused), Arc::clone(&idle));
        std::thread::spawn(move || {
            loop {
                if p.load(Ordering::Acquire) {
                    i.store(true, Ordering::Release);
                    std::thread::sleep(Duration::from_millis(10));
                    continue;
                }
                i.store(false, Ordering::Release);
                // `pause` may have come between the two loads; it waits for `idle`, so look
                // again before reading.
                if p.load(Ordering::Acquire) {
                    continue;
                }
                let next = match event::poll(Duration::from_millis(50)) {
                    Ok(false) => continue,
                    Ok(true) => event::read().map(Input::Event),
                    Err(e) => Err(e),
                };
                let input = next.unwrap_or(Input::Gone);
                let gone = matches!(input, Input::Gone);
                if tx.send(wrap(input)).is_err() || gone {
                    return;
                }
            }
        });
        Reader { paused, idle }
    }

    /// Stops reading, so that a program run in the terminal (an external editor) gets every
    /// key, and waits (at most half a second) until no read is in flight.
    pub fn pause(&self) {
        self.paused.store(true, Ordering::Release);
        let start = Instant::now();
        while !self.idle.load(Ordering::Acquire) && start.elapsed() < Duration::from_millis(500) {
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Reads again after [`Reader::pause`].
    pub(crate) fn resume(&self) {
        self.paused.store(false, Ordering::Release);
    }
}
