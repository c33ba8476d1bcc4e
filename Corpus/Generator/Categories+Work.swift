extension CategorySpecs {
    static let business = CategorySpec(
        name: "business", weight: 8,
        words: """
            business strategy startup company market customers revenue growth plan pitch \
            investors funding competitor competitors swot analysis operations management team \
            leadership manager meeting meetings agenda minutes action items stakeholders \
            stakeholder okr okrs kpis goals roadmap product-market fit mvp pricing margin profit \
            cost costs budget forecast sales pipeline crm negotiation proposal contract client \
            clients partnership vendor supplier supply chain logistics inventory procurement \
            hiring onboarding culture remote hybrid policy process processes sop documentation \
            workflow automation efficiency scale scaling expansion internationalization \
            franchise small-business entrepreneur founder ceo cto cfo coo board advisor \
            consultant consulting framework porter's five forces pestle lean canvas \
            business-model value risk compliance governance esg sustainability innovation \
            disruption differentiation moat brand reputation customer-service support churn nps \
            feedback survey retention upsell cross-sell subscription pricing-tier freemium \
            enterprise b2b saas marketplace platform ecosystem merger acquisition exit \
            executive-summary overview target competitive landscape marketing financial \
            projections break-even cash runway burn-rate unit gross net model cost-plus based \
            tiered discounting tactics batna anchoring concession closing sales-script \
            cold-email cold-call discovery call demo script objection handling follow up \
            sequence account executive sdr customer success quarterly review qbr board-meeting \
            investor-update fundraising seed series-a due-diligence data-room valuation cap \
            dilution narrative problem solution traction slide ask job-description org-chart \
            responsibilities raci delegation matrix performance one-on-ones employee engagement \
            offboarding handbook code-of-conduct cadence async communication decision log \
            risk-register change-management map project-charter scope-creep gantt milestones \
            dependencies critical-path kanban selection rfp rfq sla kpi dashboard scorecard \
            benchmarking
            """,
        slots: [
            "bizrole": [
                "business consultant", "startup advisor", "chief operating officer", "management coach",
                "sales strategist", "product manager", "venture capitalist", "operations analyst",
            ],
            "startup": [
                "meal-kit delivery startup", "B2B SaaS company", "local bakery", "mobile app studio",
                "eco-friendly clothing brand", "online tutoring platform", "coworking space",
                "pet-sitting service", "AI consulting firm",
            ],
        ],
        titles: [
            "Act as a {Bizrole}",
            "Business Plan for a {Startup}",
            "SWOT Analysis of a {Startup}",
            "Pitch Deck Outline for a {Startup}",
            "Meeting Summary and Action Items",
            "Competitor Analysis: {Word} Market",
            "OKR Generator for {Audience}",
            "Pricing Strategy for a {Startup}",
            "Standard Operating Procedure Writer",
        ],
        openers: [
            "I want you to act as a {bizrole}.",
            "I am launching a {startup} and need a clear {word} strategy.",
            "You are a {bizrole} advising {audience} on {word} and {word}.",
            "Summarize the meeting notes below and list the action items with owners: {var}",
        ],
        instructions: [
            "Use the SWOT framework and end with three recommendations.",
            "Estimate the market size with a top-down and a bottom-up approach.",
            "List risks and how to mitigate each one.",
            "Keep the plan realistic for a team of {n} people.",
            "Present the numbers in a table with monthly columns.",
        ])

    static let career = CategorySpec(
        name: "career", weight: 7,
        words: """
            resume résumé cover letter job interview career linkedin profile recruiter hiring \
            manager application applications role position skills experience achievements \
            accomplishments bullet ats keywords summary headline salary negotiation offer \
            promotion raise performance review feedback portfolio references networking mentor \
            mentorship internship graduate entry-level senior transition career-change layoff \
            job-search hiring-process behavioral questions star method strengths weaknesses \
            tell-me-about-yourself follow-up thank-you email referral personal-brand elevator \
            pitch freelance contract remote work-life balance burnout boss coworker colleague \
            conflict one-on-one goals development certification degree bootcamp upskilling \
            transferable leadership teamwork communication problem-solving job-posting title \
            seniority level committee screen phone-screen technical take-home case-interview \
            panel-interview final round onsite culture-fit values principles competencies \
            accomplishment bullets quantified results impact statement action verbs section \
            education certifications projects volunteer gap year career-gap employment \
            relocation visa sponsorship hybrid counteroffer compensation equity grant \
            signing-bonus benefits package pto notice-period resignation-letter exit-interview \
            reference-check background-check offer-letter start-date probation first-90-days \
            onboarding plan ladder case brag-document self-review peer 360-review stretch goal \
            side-project personal website github dribbble behance informational-interview \
            coffee-chat alumni conference career-fair post open-to-work endorsements \
            recommendations
            """,
        slots: [
            "profession": [
                "software engineers", "nurses", "teachers", "product managers", "data analysts",
                "graphic designers", "sales representatives", "accountants", "UX designers",
                "project managers", "customer support agents", "recent graduates", "career changers",
            ],
        ],
        titles: [
            "Cover Letter Writer for {Profession}",
            "Résumé Reviewer for {Profession}",
            "Mock Interview Coach for {Profession}",
            "LinkedIn Headline Generator for {Profession}",
            "Salary Negotiation Coach",
            "Career Change Advisor for {Profession}",
            "STAR Method Answer Builder",
            "Write a Follow-Up Email After an Interview",
        ],
        openers: [
            "I want you to act as a career coach for {profession}.",
            "Write a cover letter for the job description below, using my résumé: {var}",
            "Act as a hiring manager and interview me for a role as one of the {profession}.",
            "Review my résumé and rewrite the bullet points with measurable {word}.",
        ],
        instructions: [
            "Ask me one interview question at a time and wait for my answer.",
            "Use the STAR method: situation, task, action, result.",
            "Include keywords from the job description so it passes ATS filters.",
            "Keep the letter under one page and avoid generic phrases.",
            "Give honest feedback and a score from 1 to 10.",
        ])

    static let financeLegal = CategorySpec(
        name: "finance", weight: 2,
        words: """
            budget money finance personal savings debt loan mortgage interest rate credit score \
            investing investment stocks bonds etf index fund portfolio dividend retirement 401k \
            ira tax taxes deduction invoice expense expenses cash flow accounting bookkeeping \
            balance sheet income statement valuation dcf contract clause agreement terms \
            conditions privacy policy gdpr compliance liability disclaimer copyright trademark \
            license nda lease tenant landlord legal lawyer plain-english risk insurance premium \
            crypto bitcoin inflation recession emergency frugal net-worth paycheck salary \
            zero-based envelope sinking high-yield compound apr apy amortization refinance \
            down-payment closing-costs escrow property homeowners renters deductible copay hsa \
            fsa pension annuity social security roth traditional brokerage robo advisor asset \
            allocation diversification rebalancing tolerance time horizon dollar-cost-averaging \
            expense-ratio growth stock value yield p/e ratio market cap earnings revenue \
            free-cash-flow ebitda gross-margin operating margin liabilities assets equity \
            debt-to-equity liquidity solvency working-capital accounts receivable payable net-30 \
            late-fee software quickbooks xero spreadsheet return bracket capital gains write off \
            receipts audit trail sole proprietor llc s-corp incorporation bylaws shareholder \
            vesting split table term-sheet safe note convertible indemnification warranty breach \
            termination force-majeure jurisdiction arbitration severability confidentiality \
            non-compete intellectual fair-use attribution cookie consent data processing ccpa \
            hipaa accessibility refund
            """,
        slots: [
            "financedoc": ["NDA", "lease agreement", "privacy policy", "terms of service", "freelance contract", "invoice"],
        ],
        titles: [
            "Explain This Contract Clause in Plain English",
            "Personal Budget Planner for {Audience}",
            "Act as a Financial Analyst",
            "Draft a Simple {Financedoc}",
            "Investment Thesis Writer: {Word} Sector",
            "Debt Payoff Plan Generator",
        ],
        openers: [
            "I want you to act as a personal finance advisor for {audience}.",
            "Explain the following clause of my {financedoc} in plain English: {var}",
            "You are a financial analyst. Evaluate the {word} and {word} of this company.",
        ],
        instructions: [
            "This is not legal or financial advice; say so once at the start.",
            "Use the 50/30/20 rule as a starting point.",
            "Show the calculation step by step.",
        ])
}
