//! A thread with a large stack per calling thread, started on first use, to which each call hands
//! its work (creating a thread per call costs more than transforming a small module).

use std::{
    cell::RefCell,
    sync::mpsc::{channel, Receiver, Sender},
    thread,
};

use super::{transform_catching_panics, Answer, STACK_SIZE};
use crate::TransformOptions;

struct Job {
    source: Vec<u8>,
    options: TransformOptions,
}

/// A transform thread and the channels to it.
struct Worker {
    jobs: Sender<Job>,
    answers: Receiver<Answer>,
}

thread_local! {
    /// This thread's transform thread, started on first use.
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

impl Worker {
    fn start() -> Option<Worker> {
        let (jobs, job_receiver) = channel::<Job>();
        let (answer_sender, answers) = channel();
        thread::Builder::new()
            .name("dynohot-transform".to_owned())
            .stack_size(STACK_SIZE)
            .spawn(move || {
                for job in job_receiver {
                    let answer = transform_catching_panics(&job.source, &job.options);
                    // A failed input may have been nested deep enough to commit a large part of
                    // the stack; the thread ends rather than keep that memory.
                    let retire = answer.is_err();
                    if answer_sender.send(answer).is_err() || retire {
                        break;
                    }
                }
            })
            .ok()?;
        Some(Worker { jobs, answers })
    }

    /// Runs one job; `None` when the thread is gone (it then ended after its last answer).
    fn run(&self, source: &[u8], options: &TransformOptions) -> Option<Answer> {
        self.jobs
            .send(Job {
                source: source.to_vec(),
                options: options.clone(),
            })
            .ok()?;
        self.answers.recv().ok()
    }
}

/// Transforms on this thread's transform thread; where no thread can be started, in place.
pub fn run(source: &[u8], options: &TransformOptions) -> Answer {
    WORKER.with(|cell| {
        let mut worker = cell.borrow_mut();
        if worker.is_none() {
            *worker = Worker::start();
        }
        let answer = worker
            .as_ref()
            .and_then(|worker| worker.run(source, options));
        match answer {
            Some(answer) => {
                if answer.is_err() {
                    *worker = None;
                }
                answer
            }
            None => {
                *worker = None;
                transform_catching_panics(source, options)
            }
        }
    })
}
