internal import CPDF
import Dispatch
import Foundation

/// Why MuPDF could not do what was asked, in a few words.
struct MuPDFError: Error, Sendable, Equatable {
    enum Code: Sendable, Equatable { case failed, encrypted, outOfMemory, timedOut }
    var code: Code
    var message: String
}

/// A MuPDF context with its own memory budget: every allocation MuPDF makes for one
/// document counts against `memoryLimit`, and an allocation past it fails as an error
/// instead of growing the process.
///
/// Not thread-safe: one context serves one document on one thread at a time. This file and
/// `MuPDFPage.swift` are the only Swift that touches MuPDF's pointers; they hand back values.
final class MuPDFContext {
    private let budget: UnsafeMutablePointer<tf_budget>
    let context: UnsafeMutablePointer<fz_context>

    init(memoryLimit: Int) throws(MuPDFError) {
        budget = .allocate(capacity: 1)
        budget.initialize(to: tf_budget(used: 0, limit: memoryLimit, peak: 0))
        // Cached resources (fonts, decoded images) take at most a quarter of the budget.
        guard let context = tf_new_context(budget, memoryLimit / 4) else {
            budget.deallocate()
            throw MuPDFError(code: .outOfMemory, message: "cannot start MuPDF")
        }
        self.context = context
    }

    deinit {
        fz_drop_context(context)
        budget.deallocate()
    }

    /// The most memory MuPDF has held at once, in bytes.
    var peakMemory: Int { budget.pointee.peak }

    /// The error MuPDF last caught, as a value: out of memory (the budget) told apart.
    func caughtError() -> MuPDFError {
        let message = String(cString: fz_caught_message(context))
        if fz_caught(context) == Int32(FZ_ERROR_MEMORY) || message.contains("out of memory")
            || message.contains("malloc")
        {
            return MuPDFError(code: .outOfMemory, message: message)
        }
        return MuPDFError(code: .failed, message: message)
    }
}

/// A PDF opened from bytes with MuPDF.
final class MuPDFDocument {
    let context: MuPDFContext
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private let document: UnsafeMutablePointer<fz_document>
    /// The number of pages.
    let pageCount: Int

    /// Opens the bytes as a PDF, or as a document of one page that paints the picture of
    /// MIME type `pictureType`. A PDF protected by a password (other than the empty one)
    /// throws `.encrypted`; a damaged one is repaired where MuPDF can.
    init(bytes source: [UInt8], context: MuPDFContext, pictureType: String? = nil) throws(MuPDFError) {
        self.context = context
        bytes = .allocate(capacity: max(source.count, 1))
        _ = bytes.initialize(from: source)
        var opened: UnsafeMutablePointer<fz_document>?
        let status = if let pictureType {
            tf_open_picture(context.context, bytes.baseAddress, source.count, pictureType, &opened)
        } else {
            tf_open_pdf(context.context, bytes.baseAddress, source.count, &opened)
        }
        guard status == Int32(TF_OK), let opened else {
            bytes.deallocate()
            if status == Int32(TF_ENCRYPTED) { throw MuPDFError(code: .encrypted, message: "needs a password") }
            throw context.caughtError()
        }
        document = opened
        var count: Int32 = 0
        guard tf_count_pages(context.context, document, &count) == Int32(TF_OK) else {
            let error = context.caughtError()
            fz_drop_document(context.context, document)
            bytes.deallocate()
            throw error
        }
        pageCount = Int(count)
        wasRepaired = tf_was_repaired(context.context, document) != 0
    }

    /// Whether MuPDF had to rebuild the file's table of objects: it is damaged or cut short.
    let wasRepaired: Bool

    deinit {
        fz_drop_document(context.context, document)
        bytes.deallocate()
    }

    /// Interprets page `index` (0-based), giving up after `timeLimit` seconds.
    func page(_ index: Int, timeLimit: Double) throws(MuPDFError) -> MuPDFPage {
        let cookie = Cookie(timeLimit: timeLimit)
        var bounds = fz_rect()
        var list: OpaquePointer?
        let status = tf_load_page(context.context, document, Int32(index), cookie.pointer, &bounds, &list)
        guard status == Int32(TF_OK), let list else { throw context.caughtError() }
        let page = MuPDFPage(context: context, list: list, bounds: bounds, timeLimit: timeLimit)
        if cookie.timedOut { throw MuPDFError(code: .timedOut, message: "page \(index + 1) took too long") }
        if cookie.stopped { throw MuPDFError(code: .failed, message: "page \(index + 1) could not be interpreted") }
        return page
    }
}

/// MuPDF's cookie with a deadline: a timer sets its `abort` flag, which MuPDF polls while
/// it interprets or draws, so that no page runs longer than its time limit.
final class Cookie: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<fz_cookie>
    private let lock = NSLock()
    private var expired = false

    init(timeLimit: Double) {
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: fz_cookie())
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit) { [self] in
            lock.withLock { expired = true }
            pointer.pointee.abort = 1
        }
    }

    deinit { pointer.deallocate() }

    /// Whether the deadline passed (MuPDF also stops by itself, on too many errors).
    var timedOut: Bool { lock.withLock { expired } }

    /// Whether MuPDF stopped before the end, for any reason.
    var stopped: Bool { pointer.pointee.abort != 0 }
}
