/// Composes the title and body of one document from that document's random stream.
///
/// A body is 1–4 paragraphs separated by a blank line: the first opens with one of the category's
/// opening sentences; later ones are prose, a bulleted or numbered list under a short heading, or
/// "Key: value" settings lines. Prose mixes the category's instruction sentences (30 %) with
/// sentences of drawn words, an imperative verb first half the time. Each drawn word comes from
/// the category (40 %), another category (5 %), the global ranking (50 %; never two function words
/// in a row) or the synthetic tail (5 %). A slot list used twice in a document (the title's
/// `{language}` and the body's) repeats its first choice three times out of four, so bodies
/// match their titles. "a" becomes "an" before a vowel.
///
/// Text is built as UTF-8 bytes; each word is one copy from a ``WordTable``.
struct DocumentComposer {
    private var random: SeededRandom
    private let vocabulary: Vocabulary
    private let category: Category
    private var output: [UInt8] = []
    /// Words written to the body so far.
    private var words = 0
    /// The first choice made in each slot list, by slot name.
    private var chosen: [String: Int] = [:]
    /// Whether the last drawn word was a function word.
    private var lastWasFunctionWord = false

    init(random: SeededRandom, vocabulary: Vocabulary) {
        self.random = random
        self.vocabulary = vocabulary
        self.category = vocabulary.category(&self.random)
    }

    /// The title: one of the category's title templates, filled in.
    mutating func title() -> String {
        output.removeAll(keepingCapacity: true)
        writeTemplate(random.pick(category.titles))
        return String(decoding: output, as: UTF8.self)
    }

    /// The body, about as many words as ``DocumentLength`` drew.
    mutating func body() -> String {
        let target = DocumentLength.sample(&random)
        let paragraphs = target < 60 ? 1 : min(4, 1 + (target + random.below(80)) / 120)
        output.removeAll(keepingCapacity: true)
        output.reserveCapacity(target * 8)
        words = 0
        for paragraph in 0..<paragraphs {
            let goal = paragraph == paragraphs - 1 ? target : target * (paragraph + 1) / paragraphs
            if paragraph == 0 {
                templateSentence(random.pick(category.openers))
            } else {
                output.append(contentsOf: [newline, newline])
                let kind = random.below(100)
                if kind < 25 {
                    writeList(until: goal)
                } else if kind < 35 {
                    writeSettings()
                }
            }
            repeat { proseSentence() } while words < goal
        }
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: Sentences

    private mutating func proseSentence() {
        if random.chance(30) {
            templateSentence(random.pick(category.instructions))
        } else {
            separateSentence()
            writeDrawnWords(5 + random.below(12))
            let end = random.below(100)
            output.append(end < 90 ? UInt8(ascii: ".") : end < 96 ? UInt8(ascii: "?") : UInt8(ascii: "!"))
        }
    }

    private mutating func templateSentence(_ template: Template) {
        separateSentence()
        let start = output.count
        writeTemplate(template)
        ASCII.capitalize(&output, at: start)
    }

    /// A space between sentences, none at the start of a line.
    private mutating func separateSentence() {
        if let last = output.last, last != newline { output.append(space) }
    }

    /// `count` drawn words starting with a capital (or an imperative verb), the odd comma between.
    private mutating func writeDrawnWords(_ count: Int) {
        var written = 0
        if random.chance(50) {
            let verb = random.pick(Self.verbs)
            output.append(contentsOf: verb.bytes)
            written = verb.words
            lastWasFunctionWord = true  // "Focus on", "Start with": no "the" or "with" next
        } else {
            let start = output.count
            drawWord()
            ASCII.capitalize(&output, at: start)
            written = 1
        }
        while written < count {
            if random.chance(8) { output.append(UInt8(ascii: ",")) }
            output.append(space)
            drawWord()
            written += 1
        }
        words += written
    }

    // MARK: Paragraph forms

    /// A heading, then 3–6 items ("- item" or "1. item"), one per line.
    private mutating func writeList(until goal: Int) {
        output.append(contentsOf: random.pick(Self.listHeadings).bytes)
        words += 1
        let numbered = random.chance(40)
        for item in 1...(3 + random.below(4)) {
            output.append(newline)
            output.append(contentsOf: numbered ? Array("\(item). ".utf8) : [UInt8(ascii: "-"), space])
            let start = output.count
            if random.chance(40) {
                writeTemplate(random.pick(category.instructions))
            } else {
                writeDrawnWords(3 + random.below(7))
            }
            ASCII.capitalize(&output, at: start)
            if output.last == UInt8(ascii: "."), random.chance(50) { output.removeLast() }
            if words >= goal + 20 { break }
        }
        output.append(newline)
    }

    /// 2–4 lines such as "Tone: witty" or "Audience: parents".
    private mutating func writeSettings() {
        var settings = Self.settings
        for index in 0..<(2 + random.below(3)) {
            if index > 0 { output.append(newline) }
            writeTemplate(settings.remove(at: random.below(settings.count)))
        }
        output.append(newline)
    }

    // MARK: Words and templates

    /// Appends one word drawn as the type's documentation describes.
    private mutating func drawWord() {
        let start = output.count
        let source = random.below(100)
        var isFunctionWord = false
        if source < 40 {
            category.words.append(category.zipf.sample(&random), capitalized: false, to: &output)
        } else if source < 45 {
            let other = vocabulary.categories[random.below(vocabulary.categories.count)]
            other.words.append(other.zipf.sample(&random), capitalized: false, to: &output)
        } else if source < 95 {
            var rank = vocabulary.zipf.sample(&random)
            if rank < vocabulary.functionWordCount && lastWasFunctionWord { rank = vocabulary.contentRank(&random) }
            isFunctionWord = rank < vocabulary.functionWordCount
            vocabulary.words.append(rank, capitalized: false, to: &output)
        } else {
            SyntheticWords.append(vocabulary.tailID(&random), avoiding: vocabulary.coreHashes, to: &output)
        }
        lastWasFunctionWord = isFunctionWord
        fixArticle(before: start)
    }

    /// Appends `template` filled in.
    private mutating func writeTemplate(_ template: Template) {
        var lastCategoryRank = -1
        for part in template.parts {
            let start = output.count
            switch part {
            case .text(let phrase):
                output.append(contentsOf: phrase.bytes)
                words += phrase.words
            case .choice(let slot, let phrases):
                let index: Int
                if let first = chosen[slot], random.chance(75) {
                    index = first
                } else {
                    index = random.below(phrases.count)
                    if chosen[slot] == nil { chosen[slot] = index }
                }
                output.append(contentsOf: phrases[index].bytes)
                words += phrases[index].words
            case .categoryWord(let capitalized):
                var rank = category.zipf.sample(&random)
                if rank == lastCategoryRank { rank = category.zipf.sample(&random) }  // "{word} and {word}"
                lastCategoryRank = rank
                category.words.append(rank, capitalized: capitalized, to: &output)
                words += 1
            case .anyWord(let capitalized):
                vocabulary.words.append(vocabulary.contentRank(&random), capitalized: capitalized, to: &output)
                words += 1
            case .number:
                output.append(contentsOf: Self.numbers[random.below(Self.numbers.count)])
                words += 1
            case .variable:
                output.append(contentsOf: random.pick(Self.variables))
                words += 1
            }
            fixArticle(before: start)
        }
    }

    /// Turns a preceding article "a" into "an" when the word at `start` begins with a vowel
    /// (except "one…", "uni…", "use…", "eu…", which sound like consonants).
    private mutating func fixArticle(before start: Int) {
        guard start >= 2, start < output.count, output[start - 1] == space,
              output[start - 2] | 0x20 == UInt8(ascii: "a"), ASCII.isVowel(output[start])
        else { return }
        if start > 2 {
            let before = output[start - 3]
            guard before == space || before == newline || before == UInt8(ascii: "\"") else { return }
        }
        let head = output[start..<min(start + 3, output.count)].map { $0 | 0x20 }
        for exception in Self.consonantSounds where head.starts(with: exception) { return }
        output.insert(UInt8(ascii: "n"), at: start - 1)
    }

    private let space = UInt8(ascii: " ")
    private let newline = UInt8(ascii: "\n")

    private static let verbs = (SharedSlots.lists["verb"] ?? []).map(Phrase.init)
    private static let numbers = (2...12).map { Array(String($0).utf8) }
    private static let variables = SharedSlots.variables.map { Array($0.utf8) }
    private static let consonantSounds = ["one", "uni", "use", "usu", "eu"].map { Array($0.utf8) }
    private static let listHeadings = [
        "Requirements:", "Rules:", "Include:", "Steps:", "Output:", "Constraints:", "Context:",
        "Checklist:", "Avoid:", "Examples:",
    ].map(Phrase.init)
    private static let settings = [
        "Tone: {tone}", "Audience: {audience}", "Format: {format}", "Length: {length}",
        "Keywords: {word}, {word}", "Language: English",
    ].map { Template($0, lookup: { SharedSlots.lists[$0] }) }
}
