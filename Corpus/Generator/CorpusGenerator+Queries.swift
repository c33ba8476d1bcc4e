extension CorpusGenerator {
    /// `count` search queries of 2–6 lowercase words, as people type them into a search box.
    ///
    /// A query depends only on `seed` and its index (not on the corpus seed), and draws from the
    /// same vocabulary and title patterns as the documents, so it matches some of them:
    /// - 35 %: a key phrase of a title ("python code reviewer", "cinematic portrait golden hour");
    /// - 40 %: frequent words of one category ("seo blog keywords");
    /// - 15 %: a rarer word (anywhere in a category's list, or from the synthetic tail) with 1–3
    ///   frequent ones;
    /// - 10 %: a question-like phrase ("how to write cover letter").
    ///
    /// Function words are left out except in the question-like form. Ids are `q0`, `q1`, ….
    /// O(count).
    public func queries(count: Int, seed: UInt64) -> [GeneratedQuery] {
        (0..<max(count, 0)).map { index in
            var random = SeededRandom(seed: seed ^ 0x5155_4552_5953_4545, index: UInt64(index))
            return GeneratedQuery(id: "q\(index)", text: QueryComposer.words(&random).joined(separator: " "))
        }
    }
}

/// Composes the words of one generated query (see ``CorpusGenerator/queries(count:seed:)``).
enum QueryComposer {
    static func words(_ random: inout SeededRandom) -> [String] {
        let vocabulary = Vocabulary.shared
        let category = vocabulary.category(&random)
        let length = 2 + random.below(5)
        var words: [String] = []
        func add(_ word: String) {
            let word = word.lowercased()
            guard word.contains(where: \.isLetter), !vocabulary.stopWords.contains(word),
                  !words.contains(word)
            else { return }
            words.append(word)
        }
        func frequent() -> String { category.words.words[category.zipf.sample(&random)] }

        let kind = random.below(100)
        if kind < 35 {
            let title = keyWords(of: random.pick(category.titles), category: category, random: &random)
            let start = title.count > length ? random.below(title.count - length + 1) : 0
            for word in title.dropFirst(start).prefix(length) { add(word) }
        } else if kind < 75 {
            for _ in 0..<20 where words.count < length { add(frequent()) }
        } else if kind < 90 {
            add(random.chance(50) ? random.pick(category.words.words) : vocabulary.tailWord(&random))
            for _ in 0..<(1 + random.below(3)) { add(frequent()) }
        } else {
            words = random.pick(questionStarts)
            let fixed = words.count
            for _ in 0..<20 where words.count < fixed + 2 {
                let word = frequent()
                if word.contains(where: \.isLetter), !words.contains(word) { words.append(word) }
            }
            return words
        }
        for _ in 0..<20 where words.count < 2 { add(frequent()) }
        return Array(words.prefix(6))
    }

    /// The title of `template` filled in, split into lowercase words without punctuation, emoji
    /// or function words.
    static func keyWords(of template: Template, category: Category, random: inout SeededRandom) -> [String] {
        let vocabulary = Vocabulary.shared
        var text = ""
        for part in template.parts {
            switch part {
            case .text(let phrase): text += phrase.text
            case .choice(_, let phrases): text += random.pick(phrases).text
            case .categoryWord: text += category.words.words[category.zipf.sample(&random)]
            case .anyWord: text += vocabulary.words.words[vocabulary.contentRank(&random)]
            case .number: text += String(2 + random.below(11))
            case .variable: break
            }
        }
        return text.lowercased()
            .split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "+" || $0 == "#" || $0 == "-") })
            .map(String.init)
            .filter { $0.contains(where: \.isLetter) && !vocabulary.stopWords.contains($0) }
    }

    private static let questionStarts: [[String]] = [
        ["how", "to"], ["how", "to", "write"], ["best", "prompt", "for"], ["prompt", "for"],
        ["what", "is"], ["ideas", "for"], ["help", "with"],
    ]
}
