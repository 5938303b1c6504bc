import Tablefix
import TablefixReaders
import TablefixReconstruction
import TablefixStore

/// An error of tablefix's own: its description is one line, the file first, in words a
/// user knows, and the command line prints it as `tablefix: error: DESCRIPTION`.
protocol UserFacingError: Error, CustomStringConvertible {}

extension ReadError: UserFacingError {}
extension StoreError: UserFacingError {}
extension ReviewError: UserFacingError {}
extension TemplateError: UserFacingError {}
extension OutputError: UserFacingError {}
