/// The most frequent words of prompt text, most frequent first: function words, then the verbs
/// and nouns every kind of prompt uses. They head the global Zipf ranking.
enum CommonWords {
    /// Function words; queries mostly leave them out.
    static let function = """
        the to and a of you your for in is that with be this as on it or are will an should can \
        each from by their at into about me i my not we use make what how more all any if they \
        them then when which who also than so like one two three do does have has was were been \
        its our us these those such other some most very just only new first well out up over \
        after before while both between through without within under per there here where why \
        would could may might must no yes it's don't you're i'm let's every same own few many \
        much again once still even never always often usually sometimes already yet because \
        since until unless though although whether either neither nor across along around \
        against toward towards upon among beyond during instead rather quite really almost \
        enough next last another several each other him her his she he itself yourself ourselves \
        themselves
        """

    /// Words of prompts in general: instructions, formats, qualities.
    static let general = """
        write create generate provide explain help give ensure keep follow include list step \
        response output format example examples tone clear concise detailed specific user prompt \
        task goal context information answer question questions ideas idea topic content text \
        style simple short long best good great key important main following below above need \
        want act expert assistant role please know sure understand way time people work make \
        based using including focus describe summarize rewrite improve review suggest check \
        analyze compare identify outline draft edit add remove avoid start end section sections \
        paragraph paragraphs sentence sentences word words bullet points point summary title \
        headline tips steps plan guide structure template variables input request reply \
        instructions rules constraints requirements criteria feedback quality level details \
        language english simple plain professional friendly engaging creative unique original \
        relevant accurate practical actionable useful helpful effective strong natural human \
        audience reader readers customers users team experience skills knowledge problem \
        problems solution solutions approach method process strategy options option choice \
        version final short-term long-term overview introduction conclusion background purpose \
        value benefits features risks issues mistakes errors common typical possible potential \
        current specific general overall personal professional technical basic advanced beginner \
        intermediate expert-level quick brief complete full entire whole short medium day days \
        week weeks month months year years minutes hours today tomorrow daily weekly number \
        numbers percent list table chart markdown json bullet-point emoji emojis links source \
        sources reference references fact facts data evidence research study results world life \
        business company product service brand market project system tool tools app website page \
        post article email message chat conversation story character name
        """

    /// Everyday English that prompts use around their topic: verbs, adjectives, nouns.
    static let everyday = """
        able accept access account achieve acknowledge acquire action active activity actual \
        adapt address adjust admit adopt advance advantage advice affect afford agree aim alert \
        allow alternative amazing amount analysis angle annual anticipate anyone apart appeal \
        appear apply appreciate appropriate approve area argue arrange article aspect assess \
        assign assist assume attach attempt attend attention attitude attract authentic \
        available average aware awesome balance basis bear beat beautiful become begin behavior \
        behind believe belong benefit better beyond big bit blend bold boost borrow bottom \
        boundary brain break breakdown bridge bright bring broad budget build busy buy calm \
        capture care careful carry case catch category cause center certain challenge change \
        chapter charge cheap choose claim class classic clarify clean clever click close coach \
        collect combine comfortable comment commit common communicate community compact \
        compelling competitive complex component concern condition confident confirm connect \
        consider consistent contain continue contrast contribute control convert convince cool \
        copy core correct cost count couple cover craft crazy credible critical cross crucial \
        culture curious custom cut daily dark deal decide decision deep default define \
        definition deliver demand demonstrate depend depth design desire detail determine \
        develop difference different difficult digital direct direction discover discuss display \
        distinct diverse divide document domain double doubt down drive drop dynamic early earn \
        easy effect effort elegant element eliminate emphasize employ empty enable encourage \
        energy engage enhance enjoy enter entry environment equal essential establish estimate \
        evaluate event everyday exact examine excellent exchange exciting exist expand expect \
        expensive explore express extend extra extract fail fair familiar famous fast favorite \
        fear feature feel field figure fill find fine finish fit fix flexible fold force form \
        forward frame free frequent fresh friend front fun function funny future gain gap gather \
        gentle genuine get global grab gradual grow guess guidance habit half handle happen \
        happy hard head healthy hear heart heavy hidden high hint hold home honest hope huge \
        humor ignore illustrate imagine impact implement impress incorporate increase \
        independent indicate influence inform initial innovative insight inspire instance \
        integrate intend interest interesting internal introduce invest invite involve item join \
        judge jump kind label lack large late later lead-in learn least leave less lesson letter \
        level-up light limit limited line link listen little live local logic logical look loose \
        lose love low lower maintain major manage manual map mark master match matter maximum \
        meaning measure meet member memorable mention merge middle mind minimal minimum minor \
        miss mistake mix mode modern modify moment move natural navigate near necessary negative \
        network neutral nice normal note notice object observe obvious occur offer official open \
        opportunity opposite order ordinary organize orient other outcome outside own pace pair \
        part particular pass past path pattern pause pay perfect perform period permission \
        personal perspective phase pick piece place plain play pleasant plenty polite popular \
        portion position positive power powerful practice precise predict prefer prepare present \
        preserve pressure pretty prevent previous price primary principle prior private probably \
        produce profile progress promise proper protect prove public publish pull purpose push \
        put quick quiet raise range rank rare rate reach react read ready real reason receive \
        recent recognize recommend record reduce reflect regular reject relate release rely \
        remain remember remind repeat replace report represent require research resolve resource \
        respect respond rest result retain return reveal rich right rise role room root rough \
        round run safe save scale scan scene scope score search season secret secure select send \
        sense separate serious serve set share sharp shift show side sign signal significant \
        silly similar simplify single size skip slow small smart smooth solid solve sort sound \
        space speak special speed spend split spot stable stand standard state stay steady stick \
        stop store straight strange stress strict student-friendly stuff subject submit subtle \
        succeed success suggest suitable support surprise sustain switch symbol table tackle \
        take talk target teach tell term test thank thing think thought threat tight tiny tip \
        together top total touch tough track trade traditional train transform translate treat \
        trick trigger trust truth try turn type ultimate unclear understandable unexpected \
        unusual update upgrade urgent usage valid valuable variety various verify view visible \
        visit visual vital voice-over wait walk warm warn waste watch weak wear welcome wide win \
        wise wish wonder worth wrap wrong young zero
        """
}
