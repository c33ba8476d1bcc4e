import Foundation
import Hummingbird

/// `GET /` and `GET /assets/{file}`: the search page (plain HTML, CSS and JavaScript from the
/// bundle's Page/Assets, no build step). Open without a key: the page itself holds no data and asks
/// for a key when the API answers 401/403.
struct PageRoutes {
    /// The files served, read once: name → (bytes, content type).
    static let assets: [String: (bytes: [UInt8], type: String)] = {
        var files: [String: (bytes: [UInt8], type: String)] = [:]
        let types = ["html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8"]
        for (name, type) in types.flatMap({ ext, type in ["index", "page"].map { ("\($0).\(ext)", type) } }) {
            let parts = name.split(separator: ".")
            if let url = Bundle.module.url(forResource: String(parts[0]), withExtension: String(parts[1]), subdirectory: "Assets"),
               let data = try? Data(contentsOf: url) {
                files[name] = ([UInt8](data), type)
            }
        }
        return files
    }()

    func add(to router: Router<VaultRequestContext>) {
        router.get("/") { _, _ in try Self.file("index.html") }
        router.get("/assets/:file") { _, context in try Self.file(context.parameters.require("file")) }
    }

    static func file(_ name: String) throws -> Response {
        guard let asset = assets[name] else { throw APIError.routeNotFound("/assets/\(name.prefix(100))") }
        return Response(status: .ok, headers: [.contentType: asset.type, .cacheControl: "no-cache"], body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }
}
