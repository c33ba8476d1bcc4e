import Foundation
import Hummingbird

/// `GET /metrics` (Prometheus text, action `metrics.get`) and `GET /openapi.json` (the OpenAPI 3.1
/// document of this API). Both are guarded like every route but `/health`: the metrics name the
/// indexes and their sizes; the document needs any valid key.
struct OperationsRoutes {
    let state: ServerState

    func add(to router: Router<VaultRequestContext>) {
        router.get("/metrics") { _, context in
            try context.require("metrics.get")
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: state.metrics.render(state))))
        }
        router.get("/openapi.json") { _, _ in
            Response.json(try OpenAPIDocument.bytes())
        }
    }
}

/// The OpenAPI document shipped in the module's resources (`OpenAPI/openapi.json`).
enum OpenAPIDocument {
    private static let cached: Result<[UInt8], APIError> = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"), let data = try? Data(contentsOf: url) else {
            return .failure(.internal("The OpenAPI document is missing from the build's resources."))
        }
        return .success(Array(data))
    }()

    /// The document's bytes.
    static func bytes() throws(APIError) -> [UInt8] { try cached.get() }
}
