extension CategorySpecs {
    static let writing = CategorySpec(
        name: "writing", weight: 12,
        words: """
            writing essay blog article draft story voice grammar edit editing proofread rewrite \
            paragraph sentences tone clarity flow structure outline thesis argument hook intro \
            introduction conclusion transition transitions readability vocabulary word-choice \
            style concise wordy passive active narrative descriptive persuasive expository \
            opinion review newsletter copy ghostwriter author writer editor publisher manuscript \
            chapter chapters book novel nonfiction memoir biography poem poetry haiku sonnet \
            rhyme rhythm metaphor simile imagery dialogue scene plot character characters \
            setting theme themes conflict climax resolution pacing point-of-view first-person \
            narrator audience reader engagement storytelling anecdote quote quotes citation \
            citations apa mla plagiarism paraphrase summary synopsis blurb bio caption headline \
            subheading listicle how-to tutorial guide speech toast eulogy letter thank-you \
            apology invitation announcement press release op-ed column feature interview profile \
            journal diary prompt prompts brainstorm freewriting writer's-block revision feedback \
            critique word-count length formal informal slang idioms cliché clichés jargon \
            simplify expand shorten polish humanize natural authentic emotional vivid compelling \
            adverb adverbs adjective adjectives verb tense punctuation comma semicolon colon \
            dash em-dash apostrophe capitalization spelling typo typos run-on fragment \
            parallelism conciseness redundancy filler hedging of register diction syntax cadence \
            lyrical minimalist ornate punchy crisp warm conversational authoritative \
            inspirational motivational heartfelt humorous satirical ironic sarcastic whimsical \
            suspenseful dramatic reflective nostalgic poignant uplifting bittersweet raw honest \
            first drafting rewriting line-editing developmental copyediting fact-checking \
            chicago ap house format query-letter literary agent self-publishing kindle substack \
            medium ghostwriting content word limit deadline driven longform shortform \
            microfiction flash-fiction vignette prologue epilogue foreshadowing flashback \
            cliffhanger protagonist antagonist sidekick mentor figure archetype trope tropes \
            worldview subtext symbolism allegory irony hyperbole alliteration onomatopoeia \
            personification stanza couplet free-verse limerick ballad ode elegy spoken-word
            """,
        slots: [
            "writerrole": [
                "writing coach", "copy editor", "ghostwriter", "proofreader", "poet", "speechwriter",
                "essay tutor", "storyteller", "technical writer", "book editor",
            ],
            "piece": [
                "blog post", "essay", "newsletter", "short story", "poem", "speech", "personal statement",
                "book chapter", "product description", "wedding toast", "op-ed", "thank-you note",
            ],
            "genre": ["mystery", "romance", "science fiction", "fantasy", "horror", "literary", "thriller", "comedy"],
        ],
        titles: [
            "Act as a {Tone} {Writerrole}",
            "Rewrite My {Piece} in a {Tone} Tone",
            "Proofread and Improve My {Piece}",
            "{Piece} Outline Generator",
            "{Genre} {Piece} Writer",
            "Humanize AI Text for {Audience}",
            "Turn Bullet Points into a {Piece}",
            "{Writerrole} for {Audience}",
            "Write a {Piece} About {Word}",
        ],
        openers: [
            "I want you to act as a {writerrole}.",
            "You are a {tone} {writerrole} with years of experience editing {piece}s.",
            "I will give you a draft {piece} and you will improve its {word} and {word}.",
            "Write a {piece} for {audience} about {var}.",
        ],
        instructions: [
            "Keep my voice, but fix grammar, clarity and flow.",
            "Vary the sentence length and cut filler words.",
            "Open with a strong hook and end with a memorable line.",
            "Show the edits you made and explain the most important ones.",
            "Avoid clichés like \"in today's fast-paced world\".",
            "Keep it around {length} and use a {tone} tone.",
        ])

    static let marketing = CategorySpec(
        name: "marketing", weight: 11,
        words: """
            marketing seo social media campaign brand audience content instagram tiktok linkedin \
            facebook twitter youtube pinterest post posts caption captions hashtags hashtag ad \
            ads copywriting copy headline headlines cta call-to-action landing page conversion \
            funnel leads lead email newsletter subject line open rate click-through engagement \
            reach followers influencer ugc viral trend trends reel reels story stories keyword \
            keywords ranking backlinks meta description slug traffic organic paid ppc google \
            analytics persona personas positioning value proposition usp messaging tagline \
            slogan launch product promotion discount offer sale black friday holiday seasonal \
            calendar schedule growth retention loyalty referral affiliate partnership b2b b2c \
            saas ecommerce shopify amazon listing reviews testimonials case study webinar \
            podcast community awareness consideration decision journey aida pas storytelling \
            benefit benefits pain points objections urgency scarcity social-proof a/b test \
            metrics roi ctr cpc cpa budget competitor competitors audit strategy plan \
            content-calendar blog pillar cluster evergreen repurpose hook scroll-stopping catchy \
            memorable ✨ 🚀 brand-awareness brand-identity brand-story mission vision values \
            statement manifesto research customer-persona ideal-customer icp jobs-to-be-done \
            matrix go-to-market gtm product-hunt waitlist beta early-access preorder lead-magnet \
            ebook checklist download free-trial demo onboarding drip nurture sequence welcome \
            abandoned-cart re win-back subscriber subscribers list building segmentation \
            personalization dynamic retargeting lookalike audiences ad-copy creative carousel \
            video thumbnail text banner display search keyword-research long-tail search-intent \
            serp featured-snippet schema-markup internal links anchor-text domain-authority \
            guest-post outreach pr press-kit creator-economy deal sponsorship ambassador discord \
            forum contest giveaway challenge jacking meme memes newsjacking mix four ps pricing \
            comparison testimonial review request net-promoter loyalty-program rewards coupon \
            promo-code flash-sale bundle upsell
            """,
        slots: [
            "marketingrole": [
                "SEO specialist", "social media manager", "copywriter", "growth marketer",
                "brand strategist", "email marketer", "content strategist", "PPC expert",
            ],
            "industry": [
                "fitness", "real estate", "SaaS", "coffee shop", "skincare", "fashion", "dental clinic",
                "bakery", "law firm", "online course", "pet store", "travel agency", "fintech",
            ],
            "channel": ["Instagram", "TikTok", "LinkedIn", "Facebook", "Google Ads", "YouTube", "X", "Pinterest"],
        ],
        titles: [
            "SEO Blog Post Writer for {Industry}",
            "{Channel} Caption Generator for {Industry} Brands ✨",
            "Write a {Channel} Ad for a {Industry} Business",
            "Act as a {Marketingrole}",
            "Email Subject Line Generator for {Industry}",
            "30-Day Content Calendar for {Channel}",
            "Product Launch Plan for a {Industry} Startup 🚀",
            "Landing Page Copy for {Industry}",
            "Brand Voice Guide for a {Tone} {Industry} Brand",
        ],
        openers: [
            "I want you to act as a {marketingrole}.",
            "You are a {marketingrole} who grows {industry} brands on {channel}.",
            "Write {n} {channel} posts for a {industry} business that sells {var}.",
            "Create a marketing plan for {audience} in the {industry} niche.",
        ],
        instructions: [
            "Include a clear call to action and {n} relevant hashtags.",
            "Use the AIDA framework: attention, interest, desire, action.",
            "Target the keyword \"{word} {word}\" without stuffing it.",
            "Write a meta description under 155 characters.",
            "Address the main pain points and objections of {audience}.",
            "Suggest A/B test variants for the headline.",
        ])

    static let imageGeneration = CategorySpec(
        name: "image", weight: 11,
        words: """
            image portrait photo cinematic lighting style midjourney stable diffusion dall-e \
            render detailed realistic photorealistic hyperrealistic 8k 4k illustration digital \
            art painting watercolor oil sketch concept anime manga pixel low-poly 3d isometric \
            vector logo icon poster wallpaper background landscape cityscape character fantasy \
            sci-fi cyberpunk steampunk vaporwave surreal minimalist vintage retro noir neon \
            golden hour sunset sunrise dusk fog mist rain volumetric bokeh depth field lens 35mm \
            50mm 85mm wide-angle macro telephoto aperture shutter dslr film grain kodak portra \
            polaroid studio softbox rim backlight dramatic moody vibrant pastel muted color \
            palette composition rule thirds symmetry close-up full-body aerial drone perspective \
            texture textures skin fabric reflections shadows highlights ultra intricate octane \
            unreal engine ray tracing artstation trending negative prompt seed aspect ratio --ar \
            --v --style upscale inpainting outpainting controlnet lora checkpoint sampler steps \
            cfg scale photographer artist greg rutkowski impressionist baroque art-nouveau \
            ukiyo-e bauhaus gothic ethereal whimsical cozy epic majestic serene mysterious \
            glowing translucent iridescent crystal forest ocean mountain castle dragon robot \
            astronaut cat dog woman man girl boy street market café golden-ratio leading-lines \
            negative-space silhouette chiaroscuro tenebrism high-key low-key hdr long-exposure \
            motion-blur tilt-shift fisheye anamorphic lens-flare chromatic-aberration halation \
            cross processing cyanotype daguerreotype tintype charcoal drawing gouache ink-wash \
            linocut woodcut screen-print risograph collage papercut claymation stop-motion \
            diorama miniature room voxel cel-shaded toon shading comic-book graphic-novel \
            storybook children's-book concept-art matte-painting key splash character-design \
            turnaround expression sheet environment design prop vehicle architecture interior \
            exterior brutalist art-deco mid-century scandinavian japandi maximalist boho \
            cottagecore dark-academia solarpunk dieselpunk biopunk afrofuturism retrofuturism \
            synthwave y2k lo fi aesthetic glitch holographic chrome metallic matte glossy velvet \
            marble porcelain glass sign lantern fireflies aurora nebula galaxy sky starry night \
            rainy wet asphalt puddle foggy misty mountains desert dunes underwater coral reef \
            tropical island snowy village autumn leaves cherry-blossoms sunflower lavender \
            meadow waterfall canyon volcano glacier savanna rainforest
            """,
        slots: [
            "imgstyle": [
                "cinematic", "watercolor", "anime", "photorealistic", "isometric 3D", "oil painting",
                "pixel art", "cyberpunk", "Studio Ghibli-inspired", "minimalist", "vintage film",
                "art nouveau", "low-poly", "ukiyo-e", "neon noir",
            ],
            "subject": [
                "portrait", "city street at night", "mountain lake", "cozy café interior", "astronaut",
                "fox in a forest", "futuristic car", "old fisherman", "dragon over a castle",
                "product shot of a perfume bottle", "robot gardener", "bowl of ramen", "lighthouse",
            ],
            "lighting": [
                "golden hour", "soft studio light", "neon light", "moonlight", "volumetric fog",
                "harsh midday sun", "candlelight", "blue hour", "rim lighting", "overcast light",
            ],
            "camera": ["35mm lens", "85mm f/1.4", "wide-angle lens", "macro lens", "drone shot", "Polaroid", "Kodak Portra 400"],
            "imgtool": ["Midjourney prompt", "Stable Diffusion prompt", "DALL·E prompt", "Flux prompt", "Leonardo AI prompt"],
        ],
        titles: [
            "{imgtool}: {imgstyle} {subject} in {lighting}",
            "{imgtool}: {subject}, {imgstyle}, {camera}",
            "{Imgstyle} Illustration of a {Subject}",
            "{Imgstyle} {Subject} Wallpaper Prompt",
            "Photorealistic {Subject} Shot on {Camera}",
            "Logo Design Prompt for a {Word} Brand",
            "Character Sheet: {Imgstyle} {Subject}",
        ],
        openers: [
            "{imgstyle} {subject}, {lighting}, {camera}, highly detailed, {word} {word}.",
            "Act as a prompt engineer for {imgtool}s and describe a {imgstyle} {subject}.",
            "Generate {n} image prompts of a {subject} in a {imgstyle} style.",
            "A {subject} in {lighting}, {imgstyle}, shot on {camera}.",
        ],
        instructions: [
            "Describe the subject, setting, lighting, camera and mood in that order.",
            "Add a negative prompt: blurry, extra fingers, watermark, low quality.",
            "Use --ar 16:9 --v 6 --style raw at the end.",
            "Keep each prompt under 60 words and separate them with a blank line.",
            "Mention the color palette and the composition.",
        ])
}
