import Foundation

enum FileManagerShim {
    static func createFile(_ path: String) -> Bool { FileManager.default.createFile(atPath: path, contents: Data([1])) }
}
