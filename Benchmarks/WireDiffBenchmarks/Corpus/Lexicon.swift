/// The vocabulary of the synthetic news corpus: synonym groups, topic words and name parts.
///
/// Every content word lives in a group; a group with several members is a synonym set that
/// rewrites may swap (`"approve|endorse|back"`), a group with one member is a stable topic word
/// that rewrites keep. Verbs are written as base forms; irregular forms are given as
/// `base:past:participle`, and a multiword verb inflects its first word (`"sign off on"`).
/// Nouns are singular; irregular plurals are written `singular:plural`.
///
/// The lists are written by hand for this benchmark (no external data), about 330 synonym
/// groups plus 12 topic domains of 40 words each, so that distinct stories share only the
/// words that topic and entity sharing explain.
enum Lexicon {
    // MARK: Verbs that take an object (event verbs).

    static let transitiveVerbs: [String] = [
        "approve|endorse|back|ratify", "reject|turn down|rebuff|dismiss", "announce|unveil|disclose|reveal",
        "propose|put forward|float|suggest", "launch|start|begin:began:begun|kick off", "cancel|scrap|call off|drop:dropped:dropped",
        "delay|postpone|put off:put off:put off|push back", "expand|widen|broaden|extend", "cut:cut:cut|reduce|trim:trimmed:trimmed|slash:slashed:slashed",
        "raise|increase|lift|boost", "criticize|condemn|denounce|fault", "defend|justify|stand by:stood by:stood by|uphold:upheld:upheld",
        "investigate|probe|examine|look into", "review|reassess|reexamine|study:studied:studied", "acquire|buy:bought:bought|purchase|take over:took over:taken over",
        "sell:sold:sold|divest|offload|unload", "build:built:built|construct|erect|put up:put up:put up", "close|shut:shut:shut|shutter|shut down:shut down:shut down",
        "open|inaugurate|unveil|open up", "fund|finance|bankroll|underwrite:underwrote:underwritten", "block|halt|stop:stopped:stopped|freeze:froze:frozen",
        "support|favor|champion|back", "challenge|contest|dispute|question", "sign|ink|conclude|seal", "negotiate|broker|hammer out|work out",
        "replace|overhaul|revamp|rework", "warn|caution|alert|advise", "accuse|charge|blame|allege", "release|publish|issue|put out:put out:put out",
        "hire|recruit|appoint|bring in:brought in:brought in", "dismiss|fire|sack|oust", "arrest|detain|apprehend|take into custody:took into custody:taken into custody",
        "seize|confiscate|impound|grab:grabbed:grabbed", "test|trial|pilot|try out:tried out:tried out", "adopt|embrace|take up:took up:taken up|implement",
        "restore|reinstate|revive|bring back:brought back:brought back", "protect|shield|safeguard|guard", "target|aim at|single out|focus on",
        "discover|find:found:found|uncover|detect", "repair|fix|mend|restore", "demand|call for|insist on|press for", "welcome|hail|praise|applaud",
        "oppose|resist|fight:fought:fought|object to", "settle|resolve|end|close out", "sue|take to court:took to court:taken to court|file suit against:filed suit against:filed suit against|bring a case against:brought a case against:brought a case against",
        "deploy|send:sent:sent|dispatch|station", "evacuate|clear|empty|move out", "track|monitor|follow|watch",
        "merge|combine|consolidate|fold", "lower|drop:dropped:dropped|decrease|bring down:brought down:brought down", "secure|obtain|win:won:won|gain",
        "lose:lost:lost|forfeit|surrender|give up:gave up:given up", "handle|manage|oversee:oversaw:overseen|run:ran:run", "finish|complete|wrap up:wrapped up:wrapped up|conclude",
        "require|mandate|order|compel:compelled:compelled", "ban:banned:banned|prohibit|outlaw|bar:barred:barred", "allow|permit:permitted:permitted|authorize|clear",
        "question|interview|interrogate|quiz:quizzed:quizzed", "estimate|calculate|put:put:put|project", "reach|strike:struck:struck|forge|clinch",
        "shift|move|transfer:transferred:transferred|relocate", "limit|cap:capped:capped|restrict|curb", "double|multiply|triple|quadruple",
        "weaken|undermine|erode|hurt:hurt:hurt", "strengthen|bolster|reinforce|shore up", "confirm|verify|acknowledge|affirm",
        "deny|refute|reject|dispute", "prepare|draft|draw up:drew up:drawn up|write up:wrote up:written up", "share|circulate|distribute|hand out:handed out:handed out",
        "link|tie|connect|associate", "suspend|pause|halt|freeze:froze:frozen", "honor|recognize|commend|celebrate",
        "host|stage|organize|hold:held:held", "attend|join|take part in:took part in:taken part in|participate in", "pursue|seek:sought:sought|chase|go after:went after:gone after",
    ]

    /// Verbs of saying, for attributions.
    static let sayVerbs = "say:said:said|state|tell reporters:told reporters:told reporters|note|add:added:added|explain"

    /// Verbs for movements of a figure, used intransitively ("rose by 4 percent").
    static let changeVerbs: [String] = [
        "rise:rose:risen|climb|increase|grow:grew:grown", "fall:fell:fallen|drop:dropped:dropped|decline|slip:slipped:slipped",
        "jump:jumped:jumped|surge|soar|leap:leapt:leapt", "plunge|tumble|sink:sank:sunk|slump",
    ]

    /// Modal phrases before a base verb ("plans to approve").
    static let intentPhrases = "plan to:planned to:planned to|intend to|aim to|expect to|hope to|seek to:sought to:sought to|want to"

    // MARK: Adjectives.

    static let adjectives: [String] = [
        "new|fresh|novel|latest", "major|significant|substantial|sizable", "small|modest|minor|limited",
        "large|big|vast|huge", "controversial|contentious|disputed|divisive", "local|regional|municipal|district",
        "national|federal|countrywide|nationwide", "public|state|government|official", "private|independent|commercial|nonpublic",
        "rapid|quick|swift|fast", "slow|gradual|sluggish|measured", "serious|grave|severe|acute",
        "long-term|lasting|enduring|durable", "short-term|temporary|interim|provisional", "key|central|crucial|pivotal",
        "recent|latest|current|newest", "former|previous|past|onetime", "senior|high-ranking|top|leading",
        "junior|lower-level|entry-level|low-ranking", "strong|robust|solid|firm", "weak|feeble|fragile|shaky",
        "expensive|costly|pricey|high-cost", "cheap|inexpensive|low-cost|affordable", "ambitious|bold|sweeping|far-reaching",
        "unusual|rare|uncommon|unexpected", "familiar|common|routine|standard", "angry|furious|irate|outraged",
        "worried|concerned|anxious|uneasy", "confident|optimistic|upbeat|hopeful", "critical|skeptical|doubtful|wary",
        "detailed|thorough|comprehensive|exhaustive", "brief|short|terse|concise", "urgent|pressing|immediate|emergency",
        "broad|wide|extensive|widespread", "narrow|tight|slim|thin", "early|initial|preliminary|first",
        "final|last|closing|concluding", "annual|yearly|twelve-month|year-long", "monthly|month-long|thirty-day|four-week",
        "foreign|overseas|international|outside", "domestic|internal|home|in-country", "legal|judicial|court|juridical",
        "financial|fiscal|monetary|budgetary", "political|partisan|electoral|policy", "technical|engineering|operational|practical",
        "safe|secure|protected|sheltered", "dangerous|hazardous|risky|perilous", "fair|equitable|just|even-handed",
        "clear|plain|obvious|evident", "vague|unclear|ambiguous|murky", "popular|well-liked|favored|beloved",
        "unpopular|disliked|resented|maligned", "busy|crowded|congested|packed", "empty|vacant|deserted|unused",
        "old|aging|ageing|dated", "modern|up-to-date|contemporary|state-of-the-art", "joint|shared|combined|collective",
        "separate|distinct|independent|standalone", "additional|extra|further|more",
    ]

    // MARK: General nouns (synonym groups).

    static let nouns: [String] = [
        "plan|proposal|scheme|blueprint", "decision|ruling|determination|verdict", "report|study|analysis|assessment",
        "agreement|deal|accord|pact", "program|initiative|project|effort", "law|statute|act|measure",
        "rule|regulation|requirement|standard", "meeting|session|gathering|summit", "official|administrator|functionary|representative",
        "spokesperson|spokesman|press officer|representative", "resident|local|inhabitant|townsperson", "worker|employee|staffer|laborer",
        "company|firm|business|enterprise", "group|organization|body|association", "leader|head|chief|director",
        "critic|opponent|detractor|skeptic", "supporter|backer|advocate|proponent", "expert|specialist|analyst|authority",
        "cost|expense|price tag|outlay", "budget|spending plan|financial plan|allocation", "fund|pool|reserve|kitty",
        "increase|rise|jump|gain", "decrease|decline|drop|fall", "delay|setback|holdup|postponement",
        "problem|issue|difficulty|trouble", "concern|worry|fear|unease", "change|shift|adjustment|modification",
        "effort|push|drive|campaign", "attempt|bid|try:tries|move", "goal|target|objective|aim",
        "result|outcome|upshot|consequence", "reason|cause|motive|ground", "step|measure|action|move",
        "crisis|emergency|upheaval|turmoil", "dispute|conflict|row|feud", "investigation|inquiry|probe|review",
        "statement|announcement|declaration|release", "interview|conversation|discussion|exchange", "warning|caution|alert|notice",
        "request|appeal|petition|application", "complaint|grievance|objection|protest", "document|paper|filing|record",
        "figure|number|statistic|tally", "rate|level|pace|ratio", "share|portion|proportion|fraction",
        "area|region|district|zone", "city|town|municipality|community", "building|facility|structure|site",
        "road|route|highway|street", "vehicle|car|automobile|truck", "country|nation|state|land",
        "opportunity|chance|opening|prospect", "threat|danger|risk|menace", "benefit|advantage|gain|upside",
        "support|backing|endorsement|approval", "opposition|resistance|pushback|hostility", "pressure|strain|stress|burden",
        "shortage|lack|scarcity|deficit", "surplus|excess|glut|overflow", "demand|appetite|need|call",
        "supply|stock|inventory|reserve", "schedule|timetable|timeline|calendar", "deadline|cutoff|time limit|due date",
        "victim|casualty|sufferer|injured person", "witness|bystander|onlooker|observer", "suspect|accused|defendant|alleged offender",
        "firefighter|rescuer|emergency worker|first responder", "police officer|officer|patrol officer|constable", "teacher|educator|instructor|schoolteacher",
        "student|pupil|learner|undergraduate", "parent|guardian|caregiver|family member", "patient|sick person|case|admitted person",
        "doctor|physician|clinician|medic", "farmer|grower|producer|rancher", "driver|motorist|operator|commuter",
        "voter|elector|constituent|citizen", "lawmaker|legislator|parliamentarian|deputy", "judge|justice|magistrate|presiding judge",
        "lawyer|attorney|counsel|legal representative", "investor|shareholder|stakeholder|backer", "customer|client|consumer|buyer",
    ]

    // MARK: Adverbs, connectives and function phrases.

    static let adverbs: [String] = [
        "quickly|rapidly|swiftly|promptly", "slowly|gradually|steadily|bit by bit", "sharply|steeply|dramatically|significantly",
        "slightly|marginally|modestly|a little", "publicly|openly|in public|on the record", "privately|behind closed doors|in private|quietly",
        "already|by now|so far|to date", "eventually|ultimately|in the end|finally", "immediately|at once|right away|without delay",
        "recently|lately|of late|in recent weeks", "repeatedly|again and again|time and again|several times", "formally|officially|on paper|in writing",
        "largely|mostly|mainly|chiefly", "nearly|almost|close to|just under", "roughly|about|around|approximately",
        "more than|over|upward of|in excess of", "fewer than|under|less than|below", "also|as well|too|in addition",
    ]

    static let contrastConnectors = "but|yet|though|although|while"
    static let additionConnectors = "and|while|as|even as"
    static let sentenceOpeners = "However|Still|Nevertheless|Even so|At the same time|Meanwhile|In addition|Separately|Moreover|By contrast"
    static let causeConnectors = "because|as|since|after"

    // MARK: Topic domains: a title, organisation kinds and stable topic words per domain.

    struct Domain: Sendable {
        let name: String
        let titles: [String]
        let orgKinds: [String]
        let nouns: [String]
        let adjectives: [String]
    }

    static let domains: [Domain] = [
        Domain(name: "Finance", titles: ["Finance Minister", "Treasury Secretary", "central bank Governor", "budget director"],
               orgKinds: ["Treasury", "Revenue Agency", "Savings Bank", "Investment Fund", "Stock Exchange"],
               nouns: ["tax", "inflation", "bond", "deficit", "tariff", "currency", "loan", "mortgage", "pension", "subsidy", "dividend", "revenue", "debt", "interest rate", "wage", "bank", "lender", "audit", "stimulus", "credit", "payroll", "levy", "auction", "ledger", "earnings", "remittance", "exchange rate", "treasury bill", "bailout", "surcharge", "rebate", "portfolio", "liquidity", "solvency", "underwriter", "creditor", "borrower", "ratings agency", "forecast", "quarter"],
               adjectives: ["fiscal", "inflationary", "taxable", "monetary", "creditworthy", "quarterly"]),
        Domain(name: "Health", titles: ["Health Minister", "chief medical officer", "hospital director", "surgeon general"],
               orgKinds: ["Health Service", "General Hospital", "Medical Association", "Disease Control Center", "Nursing Council"],
               nouns: ["vaccine", "hospital", "clinic", "nurse", "virus", "outbreak", "infection", "ward", "surgery", "prescription", "drug", "dose", "symptom", "ambulance", "pharmacy", "epidemic", "diagnosis", "therapy", "screening", "bed", "waiting list", "booster", "antibody", "pathogen", "quarantine", "paramedic", "treatment", "transplant", "cancer", "diabetes", "measles", "influenza", "immunization", "insulin", "laboratory", "trial", "caseload", "mortality", "midwife", "clinician"],
               adjectives: ["clinical", "medical", "infectious", "pharmaceutical", "surgical", "contagious"]),
        Domain(name: "Courts", titles: ["Attorney General", "chief prosecutor", "Chief Justice", "public defender"],
               orgKinds: ["Supreme Court", "District Court", "Bar Association", "Prosecutor's Office", "Appeals Tribunal"],
               nouns: ["trial", "jury", "indictment", "appeal", "verdict", "sentence", "testimony", "evidence", "plaintiff", "lawsuit", "hearing", "subpoena", "warrant", "bail", "prosecutor", "conviction", "acquittal", "settlement", "injunction", "affidavit", "courtroom", "docket", "plea", "parole", "felony", "misdemeanor", "fraud", "bribery", "embezzlement", "perjury", "contempt", "damages", "juror", "clerk", "transcript", "motion", "deposition", "custody", "probation", "statute"],
               adjectives: ["criminal", "civil", "constitutional", "procedural", "appellate", "federal"]),
        Domain(name: "Transport", titles: ["Transport Minister", "transit commissioner", "airport manager", "rail operator chief"],
               orgKinds: ["Transit Authority", "Railways", "Airport Authority", "Port Authority", "Highway Agency"],
               nouns: ["train", "bus", "tram", "ferry", "airport", "runway", "station", "platform", "ticket", "fare", "commuter", "timetable", "tunnel", "bridge", "track", "signal", "cargo", "freight", "pilot", "flight", "passenger", "terminal", "toll", "junction", "locomotive", "carriage", "depot", "subway", "lane", "parking", "bicycle", "pedestrian", "crossing", "rail line", "shipping", "container", "harbor", "airline", "congestion", "traffic"],
               adjectives: ["rail", "aviation", "maritime", "suburban", "intercity", "overnight"]),
        Domain(name: "Energy", titles: ["Energy Minister", "grid operator chief", "utility executive", "energy regulator"],
               orgKinds: ["Power Company", "Grid Operator", "Energy Regulator", "Oil Corporation", "Gas Utility"],
               nouns: ["pipeline", "refinery", "turbine", "reactor", "grid", "blackout", "outage", "battery", "solar panel", "wind farm", "coal", "gas", "oil", "electricity", "kilowatt", "megawatt", "substation", "transmission line", "fuel", "barrel", "emission", "carbon", "hydrogen", "dam", "generator", "power plant", "tariff", "meter", "heating", "drilling", "well", "offshore platform", "uranium", "storage", "charger", "utility", "consumption", "capacity", "shortfall", "rationing"],
               adjectives: ["renewable", "nuclear", "thermal", "electrical", "offshore", "low-carbon"]),
        Domain(name: "Education", titles: ["Education Minister", "schools superintendent", "university president", "dean"],
               orgKinds: ["School Board", "State University", "Teachers' Union", "Education Department", "Examinations Council"],
               nouns: ["school", "classroom", "curriculum", "exam", "tuition", "scholarship", "campus", "lecture", "degree", "enrollment", "textbook", "kindergarten", "graduate", "dormitory", "faculty", "semester", "grade", "literacy", "principal", "tutor", "diploma", "syllabus", "homework", "library", "laboratory", "admission", "dropout", "apprenticeship", "vocational course", "playground", "cafeteria", "attendance", "truancy", "headteacher", "professor", "research grant", "seminar", "test score", "school bus", "uniform"],
               adjectives: ["academic", "educational", "vocational", "undergraduate", "primary", "secondary"]),
        Domain(name: "Environment", titles: ["Environment Minister", "parks commissioner", "conservation director", "climate envoy"],
               orgKinds: ["Environmental Protection Agency", "Wildlife Trust", "Water Board", "Forestry Commission", "Climate Council"],
               nouns: ["forest", "river", "flood", "drought", "wildfire", "pollution", "wetland", "species", "habitat", "reservoir", "glacier", "coastline", "landfill", "recycling", "pesticide", "soil", "erosion", "rainfall", "heatwave", "storm", "reef", "sewage", "aquifer", "logging", "poaching", "sanctuary", "smog", "plastic", "watershed", "estuary", "marsh", "seabird", "wolf", "salmon", "orchard", "topsoil", "runoff", "algae", "canopy", "dune"],
               adjectives: ["ecological", "environmental", "coastal", "endangered", "toxic", "climatic"]),
        Domain(name: "Technology", titles: ["Digital Minister", "chief technology officer", "chief executive", "data protection commissioner"],
               orgKinds: ["Software", "Networks", "Data Protection Authority", "Semiconductor", "Telecom"],
               nouns: ["software", "app", "algorithm", "chip", "server", "database", "breach", "password", "encryption", "startup", "smartphone", "satellite", "network", "broadband", "cloud", "platform", "user", "update", "outage", "hacker", "malware", "patent", "robot", "drone", "sensor", "cable", "data center", "browser", "account", "subscriber", "download", "bandwidth", "firmware", "processor", "headset", "privacy", "license", "developer", "prototype", "spectrum"],
               adjectives: ["digital", "wireless", "online", "automated", "encrypted", "open-source"]),
        Domain(name: "Housing", titles: ["Housing Minister", "city planner", "housing commissioner", "zoning chair"],
               orgKinds: ["Housing Authority", "Planning Commission", "Tenants' Association", "Builders' Federation", "Land Registry"],
               nouns: ["apartment", "rent", "tenant", "landlord", "eviction", "mortgage", "developer", "zoning", "permit", "construction", "neighborhood", "homeowner", "shelter", "lease", "deposit", "renovation", "demolition", "block", "tower", "plot", "homelessness", "affordability", "inspection", "contractor", "crane", "foundation", "condominium", "suburb", "estate", "valuation", "occupancy", "vacancy", "subdivision", "housing stock", "rent control", "bedroom", "balcony", "basement", "elevator", "courtyard"],
               adjectives: ["residential", "affordable", "social", "rental", "urban", "zoned"]),
        Domain(name: "Security", titles: ["Defense Minister", "army chief", "police commissioner", "interior minister"],
               orgKinds: ["Defense Ministry", "Police Service", "Border Guard", "Coast Guard", "Intelligence Agency"],
               nouns: ["soldier", "troop", "border", "ceasefire", "missile", "drone strike", "patrol", "checkpoint", "militia", "weapon", "ammunition", "convoy", "base", "airstrike", "hostage", "insurgent", "raid", "curfew", "barracks", "battalion", "rocket", "artillery", "bunker", "frontier", "escort", "sniper", "casualty", "refugee", "truce", "mobilization", "siege", "brigade", "commander", "infantry", "armored vehicle", "munition", "watchtower", "offensive", "blockade", "detainee"],
               adjectives: ["military", "armed", "tactical", "strategic", "naval", "paramilitary"]),
        Domain(name: "Agriculture", titles: ["Agriculture Minister", "farm bureau president", "food safety chief", "fisheries commissioner"],
               orgKinds: ["Farmers' Union", "Grain Board", "Food Safety Agency", "Dairy Cooperative", "Fisheries Council"],
               nouns: ["harvest", "crop", "wheat", "maize", "rice", "cattle", "dairy", "fertilizer", "irrigation", "livestock", "grain", "seed", "tractor", "barn", "pasture", "poultry", "fishery", "quota", "export", "drought", "locust", "silo", "vineyard", "orchard", "greenhouse", "abattoir", "feed", "milk", "herd", "flock", "acreage", "yield", "cooperative", "market stall", "auction", "soybean", "barley", "potato", "egg", "farmhand"],
               adjectives: ["agricultural", "organic", "rural", "seasonal", "arable", "pastoral"]),
        Domain(name: "Culture", titles: ["Culture Minister", "museum director", "festival organizer", "arts council chair"],
               orgKinds: ["National Museum", "Arts Council", "Film Institute", "Symphony Orchestra", "Heritage Foundation"],
               nouns: ["museum", "exhibition", "painting", "sculpture", "festival", "theater", "concert", "orchestra", "film", "novel", "gallery", "artist", "curator", "archive", "manuscript", "heritage site", "monument", "premiere", "audience", "ticket", "award", "composer", "choir", "ballet", "opera", "poet", "collection", "artifact", "restoration", "stage", "rehearsal", "broadcaster", "documentary", "screening", "playwright", "mural", "library", "auction house", "catalog", "tour"],
               adjectives: ["artistic", "cultural", "historic", "literary", "musical", "cinematic"]),
    ]

    // MARK: Name parts for people, places and organisations.

    static let firstNames: [String] = [
        "James", "Maria", "Ahmed", "Elena", "David", "Sofia", "Daniel", "Amara", "Michael", "Yuki", "Robert", "Leila",
        "Thomas", "Priya", "Samuel", "Ingrid", "Joseph", "Fatima", "Peter", "Olga", "Martin", "Chloe", "Andrew", "Nadia",
        "Jonathan", "Grace", "Richard", "Hana", "Victor", "Isabel", "Oliver", "Zara", "Lucas", "Rosa", "Henry", "Mei",
        "Gabriel", "Tamar", "Patrick", "Anika", "Omar", "Claire", "Felix", "Noor", "Hugo", "Lena", "Ivan", "Ruth",
        "Kofi", "Marta", "Tomas", "Aisha", "Raymond", "Julia", "Stefan", "Eva", "Mateo", "Irene", "Kenji", "Sara",
        "Arjun", "Helen", "Luis", "Dana", "Carlos", "Vera", "Nikolai", "Alice", "Yusuf", "Miriam", "Pablo", "Ana",
        "Adam", "Beatrice", "Emeka", "Louise", "George", "Camila", "Walter", "Naomi", "Dmitri", "Rachel", "Hassan", "Joan",
        "Edward", "Kavya", "Frank", "Paula", "Simon", "Ngozi", "Brian", "Teresa", "Anton", "Linnea", "Marcus", "Esther",
    ]

    static let surnameStarts: [String] = [
        "Ash", "Bar", "Bel", "Cal", "Car", "Dal", "Den", "El", "Fair", "Fen", "Gar", "Hal", "Hart", "Kel", "Ken", "Lan",
        "Lind", "Mar", "Mer", "Nor", "Ol", "Pen", "Rad", "Ros", "Sal", "Sel", "Stan", "Tal", "Thorn", "Var", "Wal", "Wes",
        "Brad", "Crom", "Dun", "Gold", "Hol", "Mor", "Ren", "Whit", "Ab", "Oko", "Ferr", "Nak", "Kov", "Ibr", "Sant", "Lev",
    ]
    static let surnameEnds: [String] = [
        "ton", "ley", "wood", "ford", "man", "son", "ridge", "well", "ing", "er", "by", "stein", "ova", "enko", "ani",
        "ez", "ara", "elli", "ura", "ović", "ak", "field", "worth", "ham", "ey", "idis", "ström", "ahim", "ami", "ine",
    ]
    static let placeStarts: [String] = [
        "Ash", "Bright", "Clear", "Dun", "East", "Fair", "Glen", "Green", "Hay", "Iron", "King", "Lake", "Long", "Mill",
        "New", "North", "Oak", "Pine", "Red", "River", "Rock", "Salt", "Silver", "South", "Stone", "West", "White", "Wind",
        "Bel", "Cor", "Dor", "Elm", "Fal", "Gal", "Hol", "Kar", "Lor", "Mar", "Nor", "Pol", "Ros", "Tal", "Val", "Zar",
    ]
    static let placeEnds: [String] = [
        "bury", "field", "ford", "haven", "mouth", "port", "ton", "ville", "wick", "worth", "dale", "gate", "ham", "minster",
        "stead", "brook", "cliff", "crest", "moor", "vale", "more", "ova", "ania", "grad", "heim", "burg", "polis", "ia",
    ]
    static let orgNameStarts: [String] = ["Vel", "Cor", "Axi", "Nov", "Quan", "Stra", "Ter", "Lum", "Hel", "Oro", "Zen", "Mer", "Pra", "Syn", "Tri", "Ven"]
    static let orgNameEnds: [String] = ["tra", "ex", "on", "ia", "ium", "ara", "is", "ant", "ora", "ix", "eon", "ova"]
    static let companySuffixes: [String] = ["Group", "Holdings", "Industries", "Corp.", "Partners", "Systems", "Ltd."]

    static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    static let outlets: [String] = ["Daily Ledger", "Morning Courier", "Evening Post", "Herald Online", "Metro Wire", "Capital Gazette", "Valley Times", "Coastal Record", "Tribune Digital", "The Observer Desk"]

    /// Lines added around a verbatim reprint.
    static let boilerplate: [String] = [
        "Share this article", "Share on Facebook", "Share on X", "Copy link", "Advertisement", "Read more:",
        "Sign up for our daily newsletter to get the latest headlines in your inbox.",
        "Subscribe to our newsletter for the top stories every morning.",
        "All rights reserved.", "This article was originally published by a partner outlet.",
        "Follow us for breaking news updates.", "Click here to read the full story.", "Related coverage",
        "Comments are closed.", "Listen to this article", "Most read", "Got a news tip? Contact our newsroom.",
    ]
}
