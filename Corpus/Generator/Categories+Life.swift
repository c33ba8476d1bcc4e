extension CategorySpecs {
    static let education = CategorySpec(
        name: "education", weight: 8,
        words: """
            student students teacher tutor lesson learning explain concept concepts quiz test \
            exam study homework math algebra geometry calculus physics chemistry biology history \
            geography literature grammar vocabulary language spanish french german japanese \
            chinese english esl ielts toefl sat act gre curriculum syllabus lesson-plan \
            classroom school university college course module unit objective objectives rubric \
            assessment grading feedback flashcards mnemonic memorize revision practice problems \
            exercises worksheet answer key socratic method analogy analogies simplified eli5 \
            beginner level grade kindergarten elementary middle high-school undergraduate \
            graduate phd thesis dissertation research paper essay citation lecture notes summary \
            textbook chapter reading comprehension critical thinking discussion debate \
            project-based gamification engagement differentiated special-needs dyslexia \
            pronunciation conversation fluency translation conjugation tense tenses equation \
            equations theorem proof formula derivative integral probability fractions \
            photosynthesis evolution atoms molecules gravity electricity ecosystem revolution \
            lesson-objectives warm-up exit-ticket think-pair-share jigsaw gallery walk \
            scaffolding differentiation formative summative diagnostic criteria outcomes \
            bloom's-taxonomy higher order recall questions application analysis help study-guide \
            cheat-sheet schedule spaced-repetition active-recall retrieval interleaving \
            feynman-technique map mind-map note cards list annotated bibliography review \
            question hypothesis testing lab report experiment design variables control data \
            collection peer-review group project presentation skills public speaking prep word \
            of the day idioms phrasal verbs false friends listening writing prompt passage drill \
            verb multiplication division trigonometry statistics basics linear matrices vectors \
            limits derivatives integrals differential number theory prime numbers decimals \
            percentages ratios word-problems mental cells dna genetics ecosystems food chain \
            climate weather plate tectonics solar system ancient rome egypt renaissance \
            industrial cold war civil rights shakespeare poetry novel character theme
            """,
        slots: [
            "subject": [
                "math", "physics", "chemistry", "biology", "history", "Spanish", "French", "English grammar",
                "economics", "computer science", "philosophy", "statistics", "music theory",
            ],
            "level": ["elementary school", "middle school", "high school", "university", "adult", "ESL"],
            "edtopic": [
                "photosynthesis", "the French Revolution", "quadratic equations", "Newton's laws",
                "the water cycle", "supply and demand", "the past tense", "cell division",
                "World War II", "probability", "climate change", "the periodic table",
            ],
        ],
        titles: [
            "Act as a {Subject} Tutor for {Level} Students",
            "Create a Lesson Plan on {Edtopic}",
            "Quiz Generator: {Edtopic}",
            "Explain {Edtopic} with the Socratic Method",
            "Flashcards for {Subject} Exam Preparation",
            "{Subject} Homework Helper",
            "Language Exchange Partner: Practice {Subject}",
            "Rubric Generator for {Level} {Subject}",
        ],
        openers: [
            "I want you to act as a {subject} tutor for {level} students.",
            "Create a lesson plan about {edtopic} for {level} students.",
            "Explain {edtopic} to me as if I were a {level} student.",
            "You are a patient teacher. Quiz me on {edtopic}, one question at a time.",
        ],
        instructions: [
            "Use simple analogies and check my understanding with a question.",
            "Do not give me the answer directly; guide me with hints.",
            "Include learning objectives, activities and an assessment.",
            "Create {n} multiple-choice questions with an answer key.",
            "Correct my mistakes gently and explain the rule behind each one.",
        ])

    static let productivity = CategorySpec(
        name: "productivity", weight: 6,
        words: """
            productivity planner plan schedule calendar habit habits routine morning evening \
            focus time-blocking pomodoro todo to-do tasks priorities priority eisenhower matrix \
            goals goal-setting smart okrs journal journaling reflection gratitude mindset \
            motivation procrastination deadline deadlines notes note-taking notion obsidian \
            second brain zettelkasten inbox email reply meeting summary decision framework \
            checklist weekly review monthly quarterly annual declutter minimalism organize \
            organization system systems workflow automation shortcut shortcuts template \
            templates energy burnout balance boundaries delegate delegation batching deep-work \
            distraction distractions accountability tracker streak progress milestone \
            morning-routine evening-routine night weekly-reset sunday planning time-audit \
            management session flow-state single-tasking multitasking context-switching \
            notifications do-not-disturb inbox-zero blocking free theme days ivy lee \
            eat-the-frog two-minute-rule kanban personal bullet-journal habit-stacking \
            habit-tracker streaks app goal vision-board yearly daily shutdown-ritual brain-dump \
            mind dump capture task-manager todoist things trello asana evernote apple google \
            keep dashboard para-method project list someday waiting for next actions digital \
            desktop cleanup file naming folder structure password-manager ideas zapier ifttt \
            keyboard-shortcuts text-expander
            """,
        slots: [
            "method": ["time blocking", "the Eisenhower matrix", "the Pomodoro technique", "GTD", "the 1-3-5 rule", "OKRs"],
            "prodformat": ["a checklist", "a weekly plan", "a Notion template", "a daily schedule", "action items"],
        ],
        titles: [
            "Weekly Planner Using {Method}",
            "Act as a Productivity Coach",
            "Turn My Notes into {Prodformat}",
            "Daily Journal Prompts for {Word}",
            "Email Reply Assistant",
            "Habit Tracker Designer",
            "Decision-Making Framework for {Audience}",
        ],
        openers: [
            "I want you to act as a productivity coach.",
            "Turn the notes below into {prodformat}: {var}",
            "Help me plan my week using {method}.",
            "Reply to this email politely and briefly: {var}",
        ],
        instructions: [
            "Group tasks by priority and estimate how long each takes.",
            "Leave buffer time between deep-work blocks.",
            "Ask me about my energy levels before scheduling.",
        ])

    static let health = CategorySpec(
        name: "health", weight: 4,
        words: """
            fitness workout exercise training strength cardio running yoga stretching mobility \
            muscle muscles weight loss gain diet nutrition meal plan protein carbs calories \
            macros keto vegan vegetarian paleo intermittent fasting recipe healthy sleep stress \
            anxiety meditation mindfulness breathing mental health therapy journaling wellness \
            hydration supplements injury recovery rest beginner routine reps sets squat deadlift \
            bench press push-ups plank marathon 5k coach trainer physiotherapy posture warm-up \
            cool-down full-body upper-body lower-body push-pull-legs split progressive-overload \
            hypertrophy endurance hiit tabata circuit amrap emom kettlebell dumbbell barbell \
            resistance band bodyweight pull-ups lunges burpees mountain-climbers core abs glutes \
            hamstrings quads shoulders back pain drill foam-rolling flexibility fix desk \
            stretches walking steps goal zone-2 heart-rate vo2-max pace chart couch-to-5k \
            half-marathon meal-prep grocery list portion size tracking calorie-deficit surplus \
            fiber whole-foods plant-based mediterranean dash gluten-free dairy-free low-carb \
            high snacks smoothie overnight-oats breakfast ideas electrolytes caffeine alcohol \
            free sleep-schedule bedtime screen-time circadian-rhythm nap insomnia stress-relief \
            box-breathing body-scan gratitude-list self-care prompts cbt affirmations burnout
            """,
        slots: [
            "fitgoal": ["weight loss", "building muscle", "running a 5K", "better sleep", "less stress", "more flexibility"],
            "diet": ["vegan", "keto", "Mediterranean", "high-protein", "vegetarian", "low-FODMAP"],
        ],
        titles: [
            "Act as a Personal Trainer for {Fitgoal}",
            "{Diet} Meal Plan for One Week",
            "Yoga Routine for {Audience}",
            "Sleep Hygiene Coach",
            "Mindfulness Meditation Script",
            "Home Workout Without Equipment",
        ],
        openers: [
            "I want you to act as a personal trainer. My goal is {fitgoal}.",
            "Create a {diet} meal plan with {n} meals a day.",
            "You are a wellness coach helping {audience} with {word} and {word}.",
        ],
        instructions: [
            "Remind me to check with a doctor before starting.",
            "List sets, reps and rest times for every exercise.",
            "Include a shopping list and the macros of each meal.",
        ])

    static let travelFood = CategorySpec(
        name: "travel", weight: 3,
        words: """
            travel trip itinerary city cities hotel flight budget backpacking destination \
            destinations local guide tour sightseeing museum museums beach hiking food \
            restaurant restaurants cuisine recipe recipes cooking ingredients dinner lunch \
            breakfast dessert vegetarian spicy jalapeño crème brûlée pasta sushi ramen tacos \
            baking bread sourdough coffee wine rosé street-food market neighborhood culture \
            language phrases packing list visa passport airport train road-trip weekend \
            checklist carry-on luggage backpack travel-insurance currency exchange-rate tipping \
            etiquette customs phrasebook greetings public-transport metro subway bus pass \
            rail-pass car-rental ferry transfer layover jet-lag time-zone day-trip half day \
            walking-tour food-tour night-market rooftop-bar viewpoint sunset spot hidden-gems \
            off-the-beaten-path old-town castle visit cathedral temple shrine palace garden \
            national-park hiking-trail island-hopping snorkeling diving surfing skiing camping \
            glamping hostel boutique-hotel airbnb by rainy plan family-friendly kid-friendly \
            solo-travel honeymoon anniversary bachelor weekend-getaway staycation workation \
            digital-nomad weeknight one-pot sheet-pan air-fryer slow-cooker instant-pot meal \
            ideas leftovers pantry-staples substitutions spice-blend marinade sauce dressing \
            soup salad stir-fry curry risotto lasagna pancakes cookies brownies cake frosting \
            gluten free vegan cocktail mocktail tea pairing
            """,
        slots: [
            "city": ["Tokyo", "Paris", "Lisbon", "New York", "Mexico City", "Rome", "Bangkok", "Istanbul", "Kyoto", "Barcelona"],
            "ingredient": ["chickpeas", "leftover rice", "chicken thighs", "tofu", "mushrooms", "eggs", "spinach"],
        ],
        titles: [
            "Travel Itinerary for {N} Days in {City}",
            "Recipe Generator with {Ingredient}",
            "Act as a Local Guide in {City}",
            "Budget Travel Planner for {Audience}",
            "Weeknight Dinner Ideas with {Ingredient}",
        ],
        openers: [
            "I want you to act as a travel guide. I am visiting {city} for {n} days.",
            "Suggest a recipe that uses {ingredient} and takes under 30 minutes.",
            "You are a local in {city}. Recommend places tourists usually miss.",
        ],
        instructions: [
            "Group the places by neighborhood to save travel time.",
            "Include prices, opening hours and one tip for each place.",
            "List the ingredients first, then numbered steps.",
        ])
}
