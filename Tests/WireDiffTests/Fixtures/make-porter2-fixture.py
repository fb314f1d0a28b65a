#!/usr/bin/env python3
"""Regenerates porter2-vocabulary.tsv, the reference fixture for EnglishStemmer.

Only needed to regenerate the fixture; the Swift tests read the committed TSV and need nothing
from Python. Requires the reference Snowball implementation:

    pip install snowballstemmer
    python3 Tests/WireDiffTests/Fixtures/make-porter2-fixture.py

The vocabulary is built here from scratch (no article text): common news words, systematic
root + suffix combinations exercising every rule of the algorithm, the exceptional forms, and
edge cases (apostrophes, short words, y handling, special prefixes). Output: one
`word<TAB>stem` line per distinct word, sorted, LF line endings. The header comment line
records the snowballstemmer version the stems come from.
"""

import importlib.metadata
import os
import sys

import snowballstemmer

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "porter2-vocabulary.tsv")

# Common English news vocabulary (written for this fixture).
NEWS = """
a about above according accused across act action actions added adding additional address
administration affairs after again against agency agreement agreed ahead aid aides aim air
aircraft airport airstrike airstrikes alleged allies allowed already also although ambassador
among amid analysis analysts announced announcement annual another anyone appeared approved
area areas armed army around arrested arrival attack attacked attacks attempt authorities
authority available away back bank based basis battle became become began behind being
believe believed below between biggest billion border borders briefing bring brought budget
building buildings business called calls came campaign candidate capital carried case cases
ceasefire center central chairman challenge change changes chief children citizens city
civilian civilians claimed clear close closed coalition comment comments commission committee
communities community companies company concern concerns conference conflict congress
considered continue continued control correspondent council countries country court crisis
critical current currently damage data day days deal death deaths debate decided decision
defense defence democracy department deployed deployment described despite destroyed
detained development diplomat diplomatic diplomats director disputed district during early
economic economy editing edition effort efforts election elections embassy emergency ended
energy enforcement escalation evacuated evening events evidence executive expected experts
explosion facilities facility families family federal fighters fighting final financial
fired following forces foreign former forward found funding further general generally given
government governments group groups growing guards happened head headquarters health held
helicopter help high hospital hostage hostages house however human humanitarian hundreds
identified immediately impact important including increase increased increasingly independent
industry information infrastructure injured injuries inside insisted intelligence interest
international interview investigation involved issue issued issues joint journalists judge
justice killed killing known largest late later launched leader leaders leadership least
left legal legislation likely local located long made major majority making management many
market markets media meeting member members message military militants million minister
ministry missile missiles month months more morning most movement national nations near
nearly negotiations news newspaper night northern nuclear number officer officers official
officials often only operation operations opposition order organization organizations other
outside overnight parliament part parties party peace people percent period permanent person
personnel place plan planned plans police policies policy political politics population
possible power powers president presidential press pressure previously prime prison process
program programme protest protesters protests provided province public published question
questions quickly raised rally reached readiness ready really received recent recently
reconstruction region regional related release released remained remains report reported
reporters reporting reports representatives republic residents response responsibility
restrictions result results return returned rights rising rocket rockets ruling running said
sanctions saying says secretary security senate senior series service services several
shortly signed significant situation soldiers southern speaking special spokesman
spokesperson spokeswoman statement states station still strategic strike strikes strong
struggle suggested summit support supporters supported surveillance suspected system talks
targeted targets territory terrorist terrorists threat threatened threats throughout time
today together told took town trade traffic treaty troops trying under understanding union
united university unless urged used various vehicle vehicles version veteran victims video
village violence visit vote voters waiting wanted warned warning warnings warships weapons
week weekend weeks western while wider witnesses woman women working world worried wounded
year years yesterday young
""".split()

# Roots that combine with derivational and inflectional suffixes.
ROOTS = """
abil absolut accept account achiev act adapt adjust admir adopt advis affect agit align allow
amaz announc apolog appli appreci argu arriv assert assign attend attract authoriz avail
avoid bak bann believ benefit bless bomb brief build burn calcul campaign capit care celebr
central certif challeng chang characteriz charg check cheer civil claim clean clear coll
collect combin comfort command commerci commit communic compar compet complet compromis
comput concentr condition confirm confront connect conserv consider construct consult contain
contest continu contribut control convict cooper coordin correct creat crimin critic cultur
damag danger debat decid declar defend defens defin deliber deliv demand demonstr deni deploy
describ design destroy detect determin develop devot differ digit direct disappoint discuss
dispos disput distribut divid document domin donat dramat econom educ effect elect electr
emot emphas employ enabl encourag enforc engag enhanc equal escal establish estim evalu evacu
event evid exagger examin excit execut exist expand expect experi explain explor export express
extend fail famil favor feder final financ fit focus form formul fortun found free fulfil
function fund gener global govern grate hand happ harm heal help hesit histor hop hope hostil
ident ignor illustr imagin immigr implement impress improv includ increas independ indic
individu industri infect inform initi injur innov inspect instal institut integr intellig
intend intens interpret intervent introduc invad invent invest investig involv isol join
judg justif kill knowledg label launch legal liber limit list locat logic lov maintain manag
manipul market materi measur mediat memor mention migr militar minim mobil moder modern monit
motiv nation natur necess negoti neutral normal notic observ occupi offend offer oper oppos
optim organ orient pack particip partner patrol perman permit person persuad plan pleas
polit popul posit possibl post practic predict prefer prepar present preserv presid pressur
prevent print priorit process produc profess profit program progress prohibit project promis
promot propos prosecut protect protest prove provid provok public punish qualifi question
radic rais ration react real realiz reason recogn recommend reconcil record recov reduc refer
reflect reform refus regul reject relat releas reli remain remov repeat replac report repres
requir rescu resist resolv respect respond restor restrict retali reveal review revis rig
rob rotat sanction satisfi schedul search secur sens sensit separ serv settl shift ship shop
sign signific simpl situat solv special specif spend stabil standard start station steer stop
strateg strength structur struggl studi submit success suggest summar support suppos surpris
surrend surviv suspect suspend sustain symbol target tax tension termin territor terror test
threaten toler total track trad train transform transport treat trust understand unifi unit
univers urg util valu verifi violat visit vot warn withdraw wit wonder work worri wound
""".split()

SUFFIXES = """
ational tional enci anci izer ably abli ally alli ently entli li ization ation ator alism
iveness fulness ousness aliti iviti biliti bility logi logy fulli lessli ogist ogists icate
ative alize iciti ical ful ness al ance ence er ic able ible ant ement ment ent ism ate iti ous
ive ize ion sion tion ing ings ingly ed edly eed eedly ies ied sses ss us s es e y ly ily ness
nesses ations ators ities ers ments ings' 's s' ' alities ivities ously ously ousli ically ful
fully less lessly lessness ist ists istic istical ization izations ize izes ized izing ise ises
ised ising able ably ability abilities ibility ance ances ancy ancies ence ences ency encies
""".split()

# Roots with a consonant–vowel–consonant end (doubling), -e ends and -y ends.
SHORT_ROOTS = """
hop stop plan ban rob rig ship shop drop step grab drag hug tap pat bat fit sit hit wet set
bet pet rot trot knit chat snap trap clip skip slip strip wrap plot spot dot jog log dig bid
rid nod plod prod rub scrub stab sob throb grin spin win begin admit commit permit submit
refer prefer occur deter confer infer transfer control patrol compel expel propel rebel
travel cancel label model signal equal total level fuel dial
""".split()

E_ROOTS = """
hope make take bake cure dare care rate state debate create relate note vote dive drive
arrive argue continue value issue rescue pursue queue sue cause use raise praise phase erase
ease tease cease lease release increase decrease purchase promise reserve serve observe
deserve preserve remove prove approve improve move change charge range arrange challenge
manage damage engage judge bridge dodge lodge ride hide guide provide decide divide include
conclude exclude persuade trade fade invade evade
""".split()

Y_ROOTS = """
cry try fly dry ply spy deny reply apply supply rely comply multiply identify justify modify
notify qualify satisfy verify clarify classify testify unify study copy carry marry hurry
worry bury vary query pay say play stay pray delay obey convey survey enjoy employ deploy
destroy annoy buy
""".split()

EXCEPTIONS = """
skis skies sky dying lying tying idly gently ugly early only singly news howe atlas cosmos
bias andes inning innings outing outings canning cannings herring herrings earring earrings
proceed proceeds proceeded proceeding exceed exceeds exceeded exceeding succeed succeeds
succeeded succeeding evening evenings
""".split()

EDGE = """
a i o s x y ab id ok us we yo ox ax is be at by ed go
'a 'ab 'abc 'tis 'em 'ead '90s ''' '' ''s' 's's 's' '''s 'ing 'eed 'ied y'y ying aed ied ies eed
aa aaa as ass bus gas gaps yes this his has was its us ies ied ties dies lies cries spies
skies' sky's news' atlas's bias's
children's children's' james' jones's workers' nation's nations' it's that's won't don't
'twas y's youth yield yelled yoyo yay sayyy boyish saying player players layer layers
employer enjoying joyful joyfully obeyed conveyed surveyed buyer buyers
toy toys boy boys key keys day days way ways
cry cried cries crying fly flies flying flyer dry dries dried drier driest dryly
generous generously generosity generate generation general generally generality
gener generic genera communism communist communal communication commune communique
arsenal arsenals arsenic emergency emergent emerge emerging interest interested interesting
international intern interval later lateral laterally organ organic organization organize
organised past pasted pastes pasting pastor pasture universe universal university universities
agreed agreement agreements feed feeds fed bleed bleeding speed speedy speedily
added adding egg eggs egged off offed inn inns
hoped hoping hopped hopping hopeful filing filled filling fizzed fizzing
luxuriate luxuriating conflated troubled sized sizing failing failed
analogies analogy analogical apology apologies apologist apologists geology geologist
biology biological biologist ecology ecologist archaeology archaeologist
seed seeds need needs needed needing indeed deed deeds creed breed breeding
bed beds red shed sled shred wed wedding bedding
sing sings singing bring brings bringing thing things king kings ring rings string strings
being doing going seeing fleeing agreeing
hopeless hopelessly hopelessness careless carelessly carelessness
mr mrs dr jr st vs ltd inc
""".split()

# Derived forms that test region boundaries with prefixes.
PREFIXES = ["", "re", "un", "dis", "over", "pre", "inter", "counter", "non", "mis"]


def vocabulary(full=False):
    """The fixture's words. `full` crosses every root with every suffix (~55,000 words, for a
    local differential check); otherwise each root takes every 16th suffix, rotating, so each
    suffix still meets about 25 roots."""
    words = set(NEWS) | set(EXCEPTIONS) | set(EDGE)
    suffixes = sorted(set(SUFFIXES))
    for r, root in enumerate(ROOTS):
        for k, suffix in enumerate(suffixes):
            if full or (r * 7 + k) % 16 == 0:
                words.add(root + suffix)
        words.add(root)
    for root in SHORT_ROOTS:
        last = root[-1]
        for suffix in ["", "s", "ed", "ing", "er", "ers", "ingly", "edly", "able", "ful"]:
            words.add(root + suffix)
        for suffix in ["ed", "ing", "er", "ers", "able", "ings"]:
            words.add(root + last + suffix)
    for root in E_ROOTS:
        stem = root[:-1]
        for suffix in ["", "s", "d", "r", "rs", "ly", "ful", "less", "ness", "ment", "ments"]:
            words.add(root + suffix)
        for suffix in ["ing", "ingly", "ed", "edly", "er", "able", "ation", "ations", "ive", "ively"]:
            words.add(stem + suffix)
    for root in Y_ROOTS:
        stem = root[:-1]
        for suffix in ["", "s", "ed", "ing", "er", "ers", "able", "ment", "ful"]:
            words.add(root + suffix)
        for suffix in ["ies", "ied", "ier", "iers", "iest", "ily", "iness", "iable", "iance", "iances"]:
            words.add(stem + suffix)
    for prefix in PREFIXES:
        for root in ["act", "organ", "gener", "commun", "nation", "form", "cover", "view", "state"]:
            for suffix in ["", "s", "ed", "ing", "ation", "ational", "ative", "ize", "ization", "ism"]:
                words.add(prefix + root + suffix)
    return sorted(w for w in words if w)


def main():
    # `--full PATH`: write the full cross product to PATH instead (not committed).
    full = len(sys.argv) == 3 and sys.argv[1] == "--full"
    out = sys.argv[2] if full else OUT
    stemmer = snowballstemmer.stemmer("english")
    version = importlib.metadata.version("snowballstemmer")
    words = vocabulary(full)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# word\tstem from snowballstemmer %s (english); regenerate with make-porter2-fixture.py\n"
                % version)
        for word in words:
            f.write("%s\t%s\n" % (word, stemmer.stemWord(word)))
    print("%d words -> %s" % (len(words), out))


if __name__ == "__main__":
    main()
