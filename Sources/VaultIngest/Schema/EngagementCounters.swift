/// The store's engagement counters kept by triggers, as the site's application keeps them: every
/// insert, delete or re-pointing (`prompt_id` changed) of a view, copy or bookmark row moves the
/// prompt's `view_count`, `copy_count` or `bookmark_count` by one in the same statement's
/// transaction; every change of a rating recomputes `rating_count` and `rating_avg` (the mean of the
/// rows, exactly as `avg(value)`) from the prompt's ratings (an index range on `(prompt_id, …)`).
/// A counter update is an UPDATE of `prompts`, so the change log's prompt trigger records it and
/// the document's counters follow (an in-place update: no postings).
public enum EngagementCounters {
    /// The counted tables: (table, the prompts column it counts).
    static let counted = [("prompt_views", "view_count"), ("prompt_copies", "copy_count"), ("bookmarks", "bookmark_count")]

    /// The trigger definitions (migration "v4-engagement-counters").
    public static let triggers: String = {
        var sql = ""
        for (table, column) in counted {
            sql += """
                CREATE TRIGGER counters_\(table)_insert AFTER INSERT ON \(table) BEGIN
                  UPDATE prompts SET \(column) = \(column) + 1 WHERE id = NEW.prompt_id; END;
                CREATE TRIGGER counters_\(table)_delete AFTER DELETE ON \(table) BEGIN
                  UPDATE prompts SET \(column) = \(column) - 1 WHERE id = OLD.prompt_id; END;
                CREATE TRIGGER counters_\(table)_move AFTER UPDATE OF prompt_id ON \(table) WHEN OLD.prompt_id IS NOT NEW.prompt_id BEGIN
                  UPDATE prompts SET \(column) = \(column) - 1 WHERE id = OLD.prompt_id;
                  UPDATE prompts SET \(column) = \(column) + 1 WHERE id = NEW.prompt_id; END;

                """
        }
        let recount = { (row: String) in
            """
            UPDATE prompts SET
                rating_count = (SELECT count(*) FROM ratings r WHERE r.prompt_id = \(row).prompt_id),
                rating_avg = coalesce((SELECT avg(value) FROM ratings r WHERE r.prompt_id = \(row).prompt_id), 0)
              WHERE id = \(row).prompt_id;
            """
        }
        sql += """
            CREATE TRIGGER counters_ratings_insert AFTER INSERT ON ratings BEGIN \(recount("NEW")) END;
            CREATE TRIGGER counters_ratings_delete AFTER DELETE ON ratings BEGIN \(recount("OLD")) END;
            CREATE TRIGGER counters_ratings_update AFTER UPDATE OF value, prompt_id ON ratings BEGIN \(recount("OLD")) \(recount("NEW")) END;
            """
        return sql
    }()
}
