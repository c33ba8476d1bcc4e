extension CategorySpecs {
    static let fiction = CategorySpec(
        name: "fiction", weight: 5,
        words: """
            game story character roleplay adventure quest dungeon master campaign player players \
            npc npcs world worldbuilding lore magic spell spells sword kingdom villain hero \
            heroine tavern dragon elf dwarf orc wizard knight detective mystery clue clues \
            suspect alibi murder spaceship galaxy planet alien aliens colony starship captain \
            crew zombie apocalypse survivor survivors haunted ghost vampire werewolf curse \
            prophecy artifact inventory health stats dice roll d20 encounter combat puzzle \
            riddle riddles choice choices branching ending endings text-based interactive \
            fiction backstory motivation flaw arc personality dialogue voice secret betrayal \
            twist plot-twist chapter scene immersive descriptive sandbox open-world rpg tabletop \
            dnd pathfinder cthulhu noir heist pirate pirates treasure map island jungle desert \
            empire rebellion emperor queen king prince princess guild thief assassin mercenary \
            setting session-zero homebrew stat-block hit-points armor-class initiative \
            saving-throw skill check critical-hit natural-20 loot xp level up system classes \
            rogue paladin ranger bard cleric druid warlock sorcerer barbarian monk necromancer \
            goblin goblins troll ogre lich beholder kraken basilisk griffin phoenix unicorn fae \
            faerie spirit demon angel god goddess pantheon cult ritual relic amulet grimoire \
            tome potion elixir enchanted cursed item portal dimension realm underworld afterlife \
            city-state citadel fortress ruins catacombs crypt labyrinth sewer harbor port town \
            frontier wasteland bunker vault dweller raider mutant android cyborg hacker \
            netrunner megacorp syndicate leader spy double-agent informant interrogation \
            courtroom jury verdict witness testimony cold-case whodunit locked-room red-herring \
            unreliable-narrator slow-burn enemies-to-lovers found-family chosen-one reluctant \
            redemption revenge tragedy comedy-of-errors farce slapstick deadpan banter monologue
            """,
        slots: [
            "setting": [
                "dark fantasy", "cyberpunk city", "haunted mansion", "space opera", "post-apocalyptic",
                "Victorian London", "pirate", "zombie outbreak", "high fantasy", "wild west",
            ],
            "character": [
                "Sherlock Holmes", "a medieval blacksmith", "a sarcastic robot", "a pirate captain",
                "a wise old wizard", "a noir detective", "an alien diplomat", "a time traveler",
            ],
        ],
        titles: [
            "Act as a Dungeon Master for a {Setting} Campaign",
            "Text Adventure Game: {Setting}",
            "Character Backstory Generator for {Setting} Stories",
            "Roleplay as {Character}",
            "Plot Twist Generator for {Setting} Fiction",
            "Interactive {Setting} Mystery",
            "Worldbuilding Assistant: {Setting} {Word}",
        ],
        openers: [
            "I want you to act as a text-based adventure game set in a {setting} world.",
            "You are {character}. Stay in character no matter what I say.",
            "Act as a dungeon master running a {setting} campaign for {n} players.",
            "Help me build a {setting} world with its own {word}, {word} and history.",
        ],
        instructions: [
            "Describe each scene in a few vivid sentences, then ask me what I do.",
            "Never break character and never decide my actions for me.",
            "Track my inventory, health and gold after every turn.",
            "Introduce a twist every few turns.",
            "Reply only inside one code block and wait for my command.",
        ])

    static let mediaMusic = CategorySpec(
        name: "media", weight: 2,
        words: """
            song lyrics music melody chorus verse bridge chords chord progression beat tempo rap \
            hip-hop pop rock jazz blues country lo-fi edm genre album track playlist producer \
            musician band singer songwriter youtube video script vlog channel subscribers \
            thumbnail intro outro b-roll editing podcast episode host guest interview show notes \
            audio voiceover narration sound microphone recording mixing mastering spotify tiktok \
            shorts views retention storyboard screenplay shot scene documentary trailer film \
            movie review critique soundtrack karaoke rhyme scheme hook line pre-chorus \
            post-chorus section key-change modulation minor major scale pentatonic arpeggio riff \
            solo groove swing shuffle syncopation bpm time-signature waltz ballad anthem lullaby \
            jingle theme-song score orchestral cinematic synth synthesizer drum-machine sampler \
            daw ableton logic pro fl studio garageband vocals harmony harmonies backing-vocals \
            ad-libs autotune reverb delay compression eq stems loop loops sample pack beatmaker \
            tag royalty-free licensing sync distribution streaming platform apple soundcloud \
            bandcamp release plan single ep music-video lyric-video visualizer first curve \
            watch-time ctr title ideas description box chapters timestamps end-screen cards \
            community post livestream stream overlay twitch clip clips highlight reel montage \
            jump-cut transitions color-grading lut subtitles captions teleprompter talking-head \
            explainer unboxing tutorial reaction commentary format cold-open segment guide \
            season arc recap logline treatment pitch doc shot-list call-sheet \
            production-schedule budget sheet
            """,
        slots: [
            "musicgenre": ["country", "lo-fi hip-hop", "90s pop", "blues", "K-pop", "indie folk", "metal", "jazz"],
            "niche": ["tech review", "cooking", "personal finance", "travel vlog", "true crime", "gaming", "fitness"],
        ],
        titles: [
            "Song Lyrics in the Style of {Musicgenre}",
            "YouTube Script for a {Niche} Channel",
            "Podcast Episode Outline About {Word}",
            "Chord Progression Ideas for {Musicgenre}",
            "Video Title and Thumbnail Ideas for {Niche}",
        ],
        openers: [
            "Write a {musicgenre} song about {var}.",
            "Act as a scriptwriter for a {niche} YouTube channel.",
            "You are a podcast producer planning an episode on {word} and {word}.",
        ],
        instructions: [
            "Use a verse, chorus, verse, chorus, bridge, chorus structure.",
            "Hook the viewer in the first 10 seconds.",
            "Mark the b-roll and on-screen text in brackets.",
        ])
}
