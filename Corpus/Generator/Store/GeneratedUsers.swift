/// The users of a generated store: names from small lists, a heavy-tailed reputation, and join
/// dates before any prompt of the store. User `id` depends only on the seed and `id`.
enum GeneratedUsers {
    /// Users `1...count`; every one joined between `latest` − 400 days and `latest`.
    static func make(count: Int, seed: UInt64, latest: Int64) -> [StoreUser] {
        (1...Int64(count)).map { user(id: $0, seed: seed, latest: latest) }
    }

    static func user(id: Int64, seed: UInt64, latest: Int64) -> StoreUser {
        var random = SeededRandom(seed: seed ^ 0x51F1_5E77_A11C_E5ED, index: UInt64(bitPattern: id))
        let first = random.pick(firstNames), last = random.pick(lastNames)
        let handle: String = switch random.below(4) {
        case 0: "\(first.lowercased())_\(last.lowercased())"
        case 1: "\(first.lowercased()).\(random.pick(handleWords))"
        case 2: "\(random.pick(handleWords))_\(first.lowercased())"
        default: "\(first.lowercased())\(last.lowercased().prefix(1))"
        }
        // Pareto-like tail from a uniform draw: most users have a few points, a few have thousands.
        let reputation = Int(20 / (random.unit() + 0.004)) - 20
        return StoreUser(
            id: id, username: "\(handle)\(id)", displayName: "\(first) \(last)",
            bio: random.chance(60) ? "\(random.pick(roles)) \(random.pick(bioTails))" : nil,
            reputation: max(0, reputation), createdAt: latest - Int64(random.below(400 * 86_400)))
    }

    private static let firstNames = [
        "Maya", "Devon", "Lena", "Rajesh", "Sofia", "Tom", "Amelie", "Kwame", "Hana", "Oliver", "Priya", "Marco",
        "Jules", "Nadia", "Ben", "Yuki", "Carlos", "Greta", "Sam", "Ines", "Alex", "Chloe", "Ivan", "Zara", "Noah",
        "Mei", "Felix", "Aisha", "Lucas", "Emma", "Diego", "Ruth", "Kai", "Olga", "Pete", "Linh", "Henrik", "Gabriela",
        "Morgan", "Fatima", "Omar", "Elif", "Tariq", "Anya", "Jonas", "Leila", "Mateo", "Sara", "Wei", "Ngozi",
    ]
    private static let lastNames = [
        "Okafor", "Park", "Vogel", "Iyer", "Herrera", "Becker", "Laurent", "Mensah", "Sato", "Hughes", "Nair", "Bianchi",
        "Martin", "Rahman", "Carter", "Tanaka", "Mendoza", "Krause", "Whitfield", "Costa", "Romero", "Dubois", "Petrov",
        "Ahmed", "Fischer", "Lin", "Wagner", "Bello", "Moreau", "Johansson", "Alvarez", "Adeyemi", "Nakamura", "Sokolova",
        "Donnelly", "Tran", "Larsen", "Souza", "Lee", "Zahra", "Kowalski", "Yilmaz", "Haddad", "Novak", "Silva", "Chen",
    ]
    private static let handleWords = ["writes", "codes", "prompts", "builds", "learns", "makes", "ai", "dev", "design", "data"]
    private static let roles = [
        "Developer.", "Copywriter.", "Teacher.", "Designer.", "Data analyst.", "Student.", "Marketer.", "Founder.",
        "Product manager.", "Researcher.", "Freelance writer.", "Illustrator.", "Recruiter.", "Consultant.",
    ]
    private static let bioTails = [
        "I collect prompts that save me time.", "Sharing what works for me.", "Mostly ChatGPT and Claude.",
        "Midjourney addict.", "Automating the boring parts.", "Prompts for people who teach.", "Learning in public.",
        "Writing better with AI.", "Here for the role-play prompts.", "Spreadsheets and SQL.",
    ]
}
