internal import COCR
import Foundation

/// A word that OCR read: its text, its box in the picture's pixels, and how sure the engine is.
struct OCRWord: Sendable, Equatable {
    var text: String
    var x0: Int
    var y0: Int
    var x1: Int
    var y1: Int
    /// 0…1.
    var confidence: Double
}

/// One libtesseract engine with one model: `chi_sim` (Simplified Chinese, which reads digits
/// and Latin letters too) for text, `eng` for cells of numbers (it reads a lone `1` that
/// `chi_sim` takes for `工` or `】`). Not thread-safe: ``TesseractPool`` lends engines to one
/// thread at a time.
/// This file is the only Swift that touches libtesseract's pointers.
final class Tesseract {
    /// How the engine should see the picture it is given.
    enum Layout {
        /// A page: find its blocks and lines.
        case page
        /// One block of text, perhaps several lines (a table cell).
        case block
        /// One line of text.
        case line
    }

    private let handle: OpaquePointer

    /// Loads the model, or throws when it is not installed.
    init(language: String = "chi_sim") throws(ReadError) {
        guard let handle = TessBaseAPICreate() else {
            throw ReadError(.unsupported, file: language, reason: "cannot start tesseract")
        }
        guard TessBaseAPIInit3(handle, nil, language) == 0 else {
            TessBaseAPIDelete(handle)
            throw ReadError(
                .unsupported, file: language,
                reason: "tesseract's \(language) model is not installed (Tools/install-deps installs it)")
        }
        // Tesseract's notes ("Detected 345 diacritics") are not for our users.
        _ = TessBaseAPISetVariable(handle, "debug_file", "/dev/null")
        self.handle = handle
    }

    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
    }

    /// The characters a number can be printed with: digits, separators, signs, a dash.
    static let numerals = "0123456789,.-+—/%"

    /// The words of a gray picture drawn at `dpi`, giving up after `seconds`; `only`, when
    /// given, limits the characters the engine may read.
    func words(in image: GrayImage, dpi: Int, layout: Layout, seconds: Double, only: String? = nil) -> [OCRWord] {
        guard image.width > 0, image.height > 0 else { return [] }
        _ = TessBaseAPISetVariable(handle, "tessedit_char_whitelist", only ?? "")
        defer { _ = TessBaseAPISetVariable(handle, "tessedit_char_whitelist", "") }
        let mode: TessPageSegMode =
            switch layout {
            case .page: PSM_AUTO
            case .block: PSM_SINGLE_BLOCK
            case .line: PSM_SINGLE_LINE
            }
        TessBaseAPISetPageSegMode(handle, mode)
        image.pixels.withUnsafeBufferPointer { pixels in
            TessBaseAPISetImage(handle, pixels.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
        }
        TessBaseAPISetSourceResolution(handle, Int32(dpi))
        OpenMP.adaptThreadsToLoad()
        let monitor = TessMonitorCreate()
        defer { TessMonitorDelete(monitor) }
        TessMonitorSetDeadlineMSecs(monitor, Int32(max(1, seconds * 1000)))
        defer { TessBaseAPIClear(handle) }
        guard TessBaseAPIRecognize(handle, monitor) == 0, let iterator = TessBaseAPIGetIterator(handle) else { return [] }
        defer { TessResultIteratorDelete(iterator) }
        var words: [OCRWord] = []
        let pageIterator = TessResultIteratorGetPageIterator(iterator)
        repeat {
            guard let utf8 = TessResultIteratorGetUTF8Text(iterator, RIL_WORD) else { continue }
            let text = String(cString: utf8)
            TessDeleteText(utf8)
            var left: Int32 = 0, top: Int32 = 0, right: Int32 = 0, bottom: Int32 = 0
            guard TessPageIteratorBoundingBox(pageIterator, RIL_WORD, &left, &top, &right, &bottom) != 0 else { continue }
            let confidence = Double(TessResultIteratorConfidence(iterator, RIL_WORD)) / 100
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            words.append(
                OCRWord(
                    text: trimmed, x0: Int(left), y0: Int(top), x1: Int(right), y1: Int(bottom),
                    confidence: min(1, max(0, confidence))))
        } while TessResultIteratorNext(iterator, RIL_WORD) != 0
        return words
    }
}

/// The OpenMP runtime libtesseract may be built with. Its recognizer asks for four threads
/// per line; on a machine whose cores are busy (with other pages, other programs) the threads
/// wait on each other and the system, and a page takes three times as long. With dynamic
/// threads the runtime gives no more threads than the load average leaves cores free.
enum OpenMP {
    /// `omp_set_dynamic` when libtesseract brought the runtime in, nil otherwise.
    private static let setDynamic: (@convention(c) (Int32) -> Void)? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "omp_set_dynamic") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Void).self)
    }()

    /// Turns dynamic threads on for the calling thread (OpenMP's setting is per thread).
    static func adaptThreadsToLoad() { setDynamic?(1) }
}

/// Engines shared by the threads of a process: loading the model takes a quarter of a
/// second, so an engine is made once and lent to one caller at a time.
final class TesseractPool: @unchecked Sendable {
    static let shared = TesseractPool()
    private let lock = NSLock()
    private var idle: [String: [Tesseract]] = [:]

    /// Runs `body` with an engine of its own for `language`.
    func withEngine<T>(_ language: String = "chi_sim", _ body: (Tesseract) throws(ReadError) -> T) throws(ReadError) -> T {
        lock.lock()
        let engine = idle[language]?.popLast()
        lock.unlock()
        let lent: Tesseract
        if let engine { lent = engine } else { lent = try Tesseract(language: language) }
        defer {
            lock.lock()
            idle[language, default: []].append(lent)
            lock.unlock()
        }
        return try body(lent)
    }
}
