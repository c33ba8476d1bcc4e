/// Stop-word lists for ``IndexSettings/stopWords``.
public enum StopWords {
    /// Common English function words (articles, auxiliaries, pronouns, prepositions, question words).
    /// Dropped from unquoted query words; measured on SciFact and Cranfield (see README).
    public static let english: [String] = """
        a an and are as at be been being by can could did do does for from has have how in into is it its \
        may might must no not of on or should so such than that the their them then there these they this \
        those to was were what when where which who whom why will with would
        """.split(separator: " ").map(String.init)
}
