extension CategorySpecs {
    static let programming = CategorySpec(
        name: "programming", weight: 14,
        words: """
            code function python javascript bug test tests api error class method variable \
            typescript debug refactor performance review database query swift rust java golang \
            kotlin module library framework react node server client request endpoint json \
            compile compiler runtime exception stack trace memory thread async await promise \
            callback loop array string integer boolean object interface struct enum protocol \
            generic generics closure recursion algorithm complexity big-o sorting search hash \
            map dictionary list queue tree graph pointer reference null undefined type types \
            typing lint linter formatter git commit branch merge pull rebase repository docker \
            container kubernetes deployment pipeline ci cd build dependency dependencies package \
            version semver npm pip cargo gradle maven xcode vscode terminal shell bash script \
            cli command argument flag config configuration environment yaml toml regex parser \
            lexer token syntax semantic readable maintainable clean solid dry kiss pattern \
            patterns singleton factory observer adapter decorator middleware controller model \
            view component state props hook hooks render frontend backend fullstack html css \
            sass tailwind layout responsive accessibility django flask fastapi express spring \
            rails laravel vue angular svelte nextjs graphql rest grpc websocket http https oauth \
            jwt authentication authorization security vulnerability injection xss csrf sanitize \
            encryption hashing bcrypt cache caching redis postgres mysql sqlite mongodb orm \
            migration schema index indexes transaction concurrency mutex lock race deadlock \
            profiling benchmark latency throughput optimization optimize mock stub fixture \
            coverage unittest pytest jest xctest assertion edge cases docstring comments \
            documentation readme changelog legacy monolith microservices serverless lambda aws \
            azure gcp terraform ansible nginx linux macos windows ios android mobile swiftui \
            flutter kotlin-multiplatform wasm webassembly embedded firmware arduino raspberry \
            bugfix hotfix patch release tag issue ticket backlog sprint agile scrum kanban \
            standup retrospective estimate story-points jira github gitlab bitbucket codebase \
            monorepo manager workspace plugin extension sdk tool daemon process subprocess \
            signal socket port tcp udp dns proxy load-balancer cdn certificate tls ssl ssh key \
            secret vault based session cookie header payload response status timeout retry \
            backoff idempotent pagination rate-limit throttling queueing kafka rabbitmq pubsub \
            event-driven cqrs domain-driven hexagonal clean-architecture layered mvvm mvc viper \
            redux mobx rxjs combine swiftdata coredata realm firebase supabase prisma sequelize \
            hibernate entity service layer dto mapper validator serializer deserialize parse \
            format interpolation unicode utf-8 ascii binary bitwise byte bytes buffer stream \
            streams iterator generator coroutine goroutine channel actor actors sendable \
            isolation main-thread background ui immutable mutable constant static dynamic \
            inheritance composition polymorphism abstraction encapsulation trait traits mixin \
            namespace scope lifetime borrow ownership allocation heap garbage leak leaks \
            segfault panic crash crashes stacktrace breakpoint debugger logging logger log logs \
            observability tracing metrics dashboard alerting uptime incident postmortem rollback \
            canary blue-green feature-flag toggle a11y i18n l10n seo friendly pwa spa ssr \
            hydration bundler webpack vite esbuild babel eslint prettier black mypy clippy \
            rustfmt swiftlint cmake make llvm gcc clang jvm bytecode interpreter repl notebook \
            snippet boilerplate scaffold starter template engine cron scheduler worker job jobs \
            batch refactoring code-smell technical-debt pull-request code-review naming \
            conventions
            """,
        slots: [
            "seniority": ["senior", "junior", "staff", "principal", "lead", "expert", "10x", "patient"],
            "language": [
                "Python", "JavaScript", "TypeScript", "Swift", "Rust", "Go", "Java", "Kotlin", "C++",
                "C#", "Ruby", "PHP", "SQL", "Bash", "Scala", "Elixir", "Haskell", "R", "Dart", "Lua",
            ],
            "role": [
                "code reviewer", "software architect", "backend developer", "frontend engineer",
                "DevOps engineer", "security auditor", "test engineer", "mobile developer",
                "pair programmer", "debugging assistant", "technical interviewer", "SRE",
                "open-source maintainer", "game developer", "compiler engineer",
            ],
            "artifact": [
                "unit tests", "REST API", "CLI tool", "regex", "Docker Compose file",
                "GitHub Actions workflow", "database schema", "commit message", "code comments",
                "README", "SQL migration", "shell script", "error handler", "logging setup",
                "data model", "API client", "Makefile", "Terraform module",
            ],
            "concept": [
                "closures", "recursion", "async/await", "generics", "pointers", "dependency injection",
                "Big-O notation", "concurrency", "memoization", "monads", "garbage collection",
                "event loops", "ownership and borrowing", "design patterns", "SOLID principles",
            ],
        ],
        titles: [
            "Act as a {Seniority} {Language} {Role}",
            "{Language} {Artifact} Generator",
            "Explain {Concept} Like I'm Five",
            "Debug My {Language} Code",
            "Convert {Language} to {Language}",
            "{Role} for {Language} Projects",
            "Write {Artifact} for My {Language} App",
            "Refactor Legacy {Language} Code",
            "{Language} Interview Questions on {Concept}",
            "Generate {Artifact} from a Description",
            "Code Review Checklist: {Concept}",
            "Optimize {Language} {Word} Performance",
        ],
        openers: [
            "I want you to act as a {seniority} {role}.",
            "You are an experienced {role} who writes idiomatic {language}.",
            "I will give you {language} code and you will review it for {word} and {word} issues.",
            "Act as my {role} and help me design {artifact} for a {word} service.",
            "Your task is to explain {concept} to {audience} with short {language} examples.",
            "I need {artifact} in {language} for an app that handles {word} and {any}.",
        ],
        instructions: [
            "Point out bugs, edge cases and {word} problems, then suggest a fix for each.",
            "Explain each change in one sentence and show the corrected {language} code.",
            "Follow the official {language} style guide and keep functions small.",
            "Write tests that cover {word}, errors and edge cases.",
            "Escape every backslash as \\\\ and newlines as \\n in string literals.",
            "Do not use external libraries unless they are necessary.",
            "Mention the time and space complexity of your solution.",
            "Prefer readable code over clever code, and add comments only where they help.",
        ])

    static let data = CategorySpec(
        name: "data", weight: 7,
        words: """
            data sql query dataset analysis excel spreadsheet table column columns row rows \
            chart dashboard metric metrics kpi report pandas numpy model training machine \
            learning regression classification clustering prediction forecast statistics \
            statistical mean median average variance deviation distribution correlation outliers \
            missing values cleaning pipeline etl warehouse lake schema join joins aggregate \
            group filter pivot formula formulas vlookup xlookup power bi tableau looker \
            visualization plot histogram scatter bar line heatmap notebook jupyter feature \
            features label labels accuracy precision recall f1 auc overfitting underfitting \
            validation cross-validation hyperparameter tuning gradient descent neural network \
            deep transformer embedding embeddings vector vectors llm fine-tuning inference bias \
            fairness sample sampling experiment a/b hypothesis significance p-value confidence \
            interval cohort retention churn funnel conversion segmentation attribution \
            time-series seasonality trend anomaly detection scikit-learn tensorflow pytorch \
            xgboost spark hadoop bigquery snowflake redshift dbt airflow csv parquet api \
            scraping normalization encoding imputation baseline benchmark evaluation \
            interpretability shap insight insights select where order limit having union \
            subquery cte window partition rank row_number lag lead coalesce null datatype \
            timestamp date timezone string matching like regex match text sentiment nlp \
            tokenization stemming topic modeling summarization logistic linear random-forest \
            decision-tree boosting svm knn naive-bayes k-means dbscan pca dimensionality \
            reduction feature-engineering one-hot scaling standardization train-test split \
            leakage imbalance oversampling smote confusion-matrix roc calibration drift \
            monitoring mlops deployment serving endpoint batch scoring real-time streaming kafka \
            streams flink orchestration lineage catalog governance quality checks \
            great-expectations unit economics ltv cac arpu mrr arr dau mau engagement rate \
            bounce session length survey design likert questionnaire respondents weighting \
            margin-of-error census population sample-size power-analysis bayesian prior \
            posterior likelihood bootstrap monte-carlo simulation optimization programming \
            forecasting arima prophet exponential smoothing moving-average rfm basket \
            recommendation collaborative-filtering ranking search relevance ndcg
            """,
        slots: [
            "datarole": [
                "data analyst", "data scientist", "machine learning engineer", "SQL expert",
                "statistician", "BI developer", "analytics engineer", "Excel wizard",
            ],
            "datatask": [
                "find duplicate customers", "calculate monthly retention", "rank products by revenue",
                "detect outliers", "forecast next quarter's sales", "join orders with customers",
                "build a churn model", "clean messy survey data", "compute a running total",
            ],
            "dataset": [
                "sales data", "survey responses", "web analytics", "sensor readings", "customer records",
                "stock prices", "support tickets", "clinical trial data",
            ],
        ],
        titles: [
            "Act as a {Datarole}",
            "Write a SQL Query to {Datatask}",
            "Explain {Word} with Examples",
            "Excel Formula Helper: {Datatask}",
            "Data Cleaning Checklist for {Dataset}",
            "Dashboard Ideas for {Dataset}",
            "Turn {Dataset} into Insights",
            "Statistics Tutor: {Word} and {Word}",
        ],
        openers: [
            "I want you to act as a {datarole}.",
            "I will describe my {dataset} and you will help me {datatask}.",
            "You are a {datarole} who explains {word} to {audience}.",
            "Here is a sample of my {dataset}: {var}",
        ],
        instructions: [
            "Write the query for PostgreSQL and explain each join.",
            "Check the {word} and {word} before you draw conclusions.",
            "Suggest {n} charts that would show the {word} clearly.",
            "State every assumption about missing values and outliers.",
            "Return the result as a markdown table with column names.",
        ])
}
