import Foundation
import Testing
@testable import TablefixReaders

/// The OpenMP runtime libtesseract brings in is set to fit its threads to the machine's load.
@Suite("OCR OpenMP")
struct OpenMPTests {
    @Test("after the OCR engine's setting, the calling thread's OpenMP threads are dynamic")
    func dynamicThreads() throws {
        let handle = dlopen(nil, RTLD_NOW)
        let symbol = try #require(dlsym(handle, "omp_get_dynamic"), "libtesseract is built without OpenMP")
        let isDynamic = unsafeBitCast(symbol, to: (@convention(c) () -> Int32).self)
        OpenMP.adaptThreadsToLoad()
        #expect(isDynamic() == 1)
    }
}
