#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// Work run on a thread of its own (a POSIX thread: no Foundation), for the long passes of `check` that
/// can use a second core. The work must only use what it owns (its own database connection); `join()`
/// waits for it and returns what it produced. Whether it has finished can be asked without waiting.
public final class BackgroundThread<Output: Sendable>: Sendable {
    private let state: Mutex<Output?> = Mutex(nil)
    private let finished = Atomic<Bool>(false)
    private let thread: Mutex<ThreadHandle?> = Mutex(nil)

    /// Starts `work` at once. When no thread can be created (resource limits), runs it here, before
    /// returning: the caller gets the same result, only later.
    public init(_ work: @escaping @Sendable () -> Output) {
        let body = ThreadBody { [self] in
            let output = work()
            self.state.withLock { $0 = output }
            self.finished.store(true, ordering: .releasing)
        }
        let context = Unmanaged.passRetained(body).toOpaque()
        #if canImport(Glibc)
            var handle = pthread_t()
        #else
            var handle: pthread_t?
        #endif
        let rc = pthread_create(
            &handle, nil,
            { context in
                #if canImport(Glibc)
                    let body = Unmanaged<ThreadBody>.fromOpaque(context!).takeRetainedValue()
                #else
                    let body = Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue()
                #endif
                body.run()
                return nil
            }, context)
        if rc == 0 {
            #if canImport(Glibc)
                thread.withLock { $0 = ThreadHandle(value: handle) }
            #else
                thread.withLock { $0 = handle.map(ThreadHandle.init(value:)) }
            #endif
        } else {
            Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue().run()
        }
    }

    /// A thread never joined is detached, so that its resources go back when it ends.
    deinit {
        thread.withLock { current in
            if let handle = current { pthread_detach(handle.value) }
        }
    }

    /// True once the work has returned.
    public var isFinished: Bool { finished.load(ordering: .acquiring) }

    /// Waits for the work and returns its output (the same output to every call, from any thread: the
    /// first caller joins the thread while holding the lock, the others wait for it there).
    public func join() -> Output {
        thread.withLock { current in
            if let handle = current {
                pthread_join(handle.value, nil)
                current = nil
            }
        }
        guard let output = state.withLock({ $0 }) else {
            preconditionFailure("BackgroundThread: joined before its work produced a result")
        }
        return output
    }
}

/// A thread's handle, kept until it is joined.
private struct ThreadHandle: @unchecked Sendable {
    let value: pthread_t
}

/// The closure a new thread runs, passed through `pthread_create`'s context pointer.
private final class ThreadBody: Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}
