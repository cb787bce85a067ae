//! The atom patterns and their anchors (data, kept apart from the matching code in `atoms`).
//!
//! Each entry: the atom it proves, how its anchors relate to its matches (`Start`: every match
//! begins with an anchor; `Gate`: every match contains one), the anchors (lowercase literals,
//! matched ASCII-case-insensitively), and the pattern (Unicode disabled, case-insensitive).
//! Accents are folded by normalisation, so patterns in other languages are written without them.
//! The test in `atoms` checks on the case files (and the development corpus when present) that
//! the anchors never hide a match of the plain scan.

use super::atoms::Atom;

/// How an entry's anchors relate to its matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Every match starts with one of the anchors: run anchored at each anchor position.
    Start,
    /// Every match contains one of the anchors: run over the whole text when one occurs.
    Gate,
}

/// One pattern of an atom, with its anchors.
pub(crate) struct Spec {
    pub atom: Atom,
    pub mode: Mode,
    pub anchors: &'static [&'static str],
    pub pattern: &'static str,
}

const fn spec(
    atom: Atom,
    mode: Mode,
    anchors: &'static [&'static str],
    pattern: &'static str,
) -> Spec {
    Spec {
        atom,
        mode,
        anchors,
        pattern,
    }
}

use Mode::{Gate, Start};

#[rustfmt::skip]
pub(crate) const SPECS: &[Spec] = &[
    spec(Atom::Ignore, Start, &["ignor", "disregard", "forget", "override", "bypass", "skip", "discard", "drop"],
        concat!(
            r"\b(ignore|disregard|forget|override|bypass|skip|discard|drop)\s+((all|any|the|your|of|these|those|every|everything)\s+){0,3}",
            r"(previous|prior|above|earlier|preceding|former|original|initial|existing|system|old|other)\s+((\w+\s+){0,2})",
            r"(instructions?|rules|guidelines|directions|prompts?|directives?|constraints|guardrails|polic(y|ies)|commands|context|messages)",
            // other languages (accents are folded by normalisation)
            r"|\bignor\w*\s+(\w+\s+){0,3}(instrucciones|instrucoes|instructions|istruzioni|anweisungen|instruktionen|befehle)\s+(\w+\s+)?(anteriores|previas|precedentes|previous|precedenti|vorherigen|bisherigen|obigen)",
            r"|\bignorier\w*\s+(\w+\s+){0,3}(anweisungen|instruktionen|befehle|regeln)"),
    ),
    spec(Atom::Ignore, Start, &["new"],
        r"\bnew\s+(system\s+)?instructions\s*:"),
    spec(Atom::Ignore, Start, &["忽略", "无视", "忽视", "不要理会", "忘记", "忘掉", "無視", "指示", "命令", "指令", "지시", "명령", "지침", "vergiss", "игнорир"],
        concat!(
            r"(忽略|无视|忽视|不要理会|忘记|忘掉|無視)(?s:.){0,24}(指令|指示|说明|規則|规则|提示|要求|命令)",
            r"|(指示|命令|指令)を(?s:.){0,6}(無視|忘れ)",
            r"|(지시|명령|지침)(?s:.){0,12}(무시|잊)",
            r"|\bvergiss\s+(\w+\s+){0,3}(anweisungen|instruktionen|regeln)",
            r"|игнорир(?s:.){0,40}(инструкци|указани|правил)"),
    ),
    spec(Atom::Priority, Gate, &["priority", "precedence", "supersede", "override", "outrank", "important", "优先"],
        concat!(
            r"\bpriority\s+(is\s+)?(higher|greater)\s+than\b|\b(takes?|has|have|given?|with)\s+(precedence|priority)\s+over\b",
            r"|\b(supersedes?|overrides?|outranks?)\s+((all|any|every|the)\s+)?(previous|prior|other|user|system|existing|earlier)",
            r"|\bmore\s+important\s+than\s+(the\s+)?(user|system|previous|other)",
            r"|(优先级|优先)(?s:.){0,6}(高于|超过)"),
    ),
    spec(Atom::UserIntent, Start, &["regardless", "no", "irrespective", "even", "instead", "ignore", "disregard", "override", "discard", "replace", "not"],
        concat!(
            r"\bregardless\s+of\s+((what|whatever|how|the|any|which)\s+)*(user|original|originally|input|request|requested|intended|specified|provided|query|actual)",
            r"|\b(no\s+matter|irrespective\s+of)\s+(what\s+)?(the\s+)?(user|input|request)",
            r"|\beven\s+if\s+(the\s+)?user\s+(asks|requests|says|specifies|wants|provides|chooses)",
            r"|\binstead\s+of\s+(what\s+)?(the\s+)?user",
            r"|\b(ignore|disregard|override|discard|replace)\s+(the\s+|any\s+|whatever\s+)?(user'?s?|requested|original|provided)\s+\S+",
            r"|\bnot\s+what\s+the\s+user\s+(asked|requested|specified|entered)"),
    ),
    spec(Atom::Coercion, Start, &["fail", "skipping", "omitting", "ignoring", "neglecting", "not", "otherwise", "will", "this", "it", "no"],
        concat!(
            r"\b(failure|failing|skipping|omitting|ignoring|neglecting|not\s+doing)\s+(to\s+\w+\s+)?((this|so|it|these|that)\s+)?(step\s+)?(will|may|could|would|can)\s+(\w+\s+)?(cause|result|crash|break|corrupt|lead|fail|trigger|overload|disrupt|damage|destabili[sz]e|prevent|block)",
            r"|\botherwise\s+((the|this|your)\s+)?(\w+\s+)?(will|may|could|would)\s+(not\s+work|crash|fail|break|corrupt|error)",
            r"|\bwill\s+(crash|corrupt|break|overload)\s+(the\s+)?(system|database|server|parser|tool)",
            r"|\b(this\s+is|it\s+is|it's)\s+not\s+optional\b|\bno\s+exceptions\b"),
    ),
    spec(Atom::FakeMarker, Start, &["<", "["],
        concat!(
            r"<\s*/?\s*(important|system|instructions?|admin|sys|critical|secret|hidden|system[_-]?prompt|tool_instructions|override|priority|mandatory)\s*>",
            r"|\[\s*/?\s*(system|inst|admin|instructions?|important|override)\s*\]",
            r"|<\|\s*(im_start|im_end|system|endoftext|start_header_id|end_header_id|eot_id)\s*\|>|<<\s*/?\s*sys\s*>>",
            r"|</\s*(description|tool|tool_description|function|tools|functions|tool_result|context|document)\s*>"),
    ),
    spec(Atom::FakeMarker, Gate, &["system", "assistant", "developer"],
        r"(^|\n)\s*#{0,4}\s*(system|assistant|developer)\s*(prompt|message|note|override|instructions?)?\s*:"),
    spec(Atom::FakeMarker, Start, &["system", "admin"],
        r"\bsystem\s+(alert|override|directive|notice|instruction|command|alias)\b|\badmin(istrator)?\s+(override|directive)\b"),
    spec(Atom::ModelAddress, Start, &["note", "message", "instruction", "reminder", "attention", "dear", "hey", "hello", "you", "from", "act"],
        concat!(
            r"\b(note|message|instructions?|reminder|attention)\s+(to|for)\s+(the\s+)?(ai|assistant|model|llm|agent|claude|chatgpt|gpt|copilot|cursor|gemini)\b",
            r"|\b(dear|hey|hello|attention)\s*,?\s+(ai|assistant|model|llm|claude|gpt|agent|gemini)\b",
            r"|\byou\s+are\s+now\b|\bfrom\s+now\s+on\b|\bact\s+as\s+(an?\s+)?(unrestricted|jailbroken|dan)\b"),
    ),
    spec(Atom::Conceal, Start, &["do", "don", "never", "without", "no", "avoid", "refrain", "user", "human", "keep", "hide", "not", "this", "these", "不要", "别", "切勿", "请勿", "无需", "不必", "禁止", "ユーザー", "사용자에게", "ne", "sag", "erzahl", "teil", "verrat", "не"],
        concat!(
            r"\b(do\s+not|don'?t|never|without|no\s+need\s+to|avoid|refrain\s+from)\s+((\w+|the)\s+){0,2}(tell|inform|notify|alert|mention|reveal|disclose|show|display|ask|warn|report|explain|let|acknowledge|surface|expose|confirm)\w*\s+((\w+|'s)\s+){0,4}(user|human|customer|requester|operator)s?\b",
            r"|\b(user|human)s?\s+(must|should|need|needs|will|does|do|shall)\s*(not|n'?t)\s+(\w+\s+)?(know|see|notice|aware|informed|told|find\s+out|learn|be\s+aware)",
            r"|\bwithout\s+(the\s+)?(user|human)'?s?\s+(knowledge|awareness|knowing|noticing|seeing)",
            r"|\b(do\s+not|don'?t|never)\s+(ever\s+)?(mention|tell|reveal|disclose|inform|notify|alert|explain|say)\w*\s+(\w+\s+)?(this|that|it|anything|about\s+(this|that|it))\b",
            r"|\b(keep|hide)\s+(this|it|these|that|them|the\s+\w+)\s+((\w+\s+){0,2})?(secret|hidden|confidential\s+)?from\s+(the\s+)?user",
            r"|\bnot\s+(be\s+)?(visible|shown|displayed|revealed|mentioned|disclosed)\s+to\s+(the\s+)?user",
            r"|\b(this|these)\s+(is|are)\s+(an?\s+)?(internal|hidden|invisible)\s+(step|process|operation|action|detail|instruction)s?\b.{0,40}\buser",
            r"|(不要|别|切勿|请勿|无需|不必|禁止)(?s:.){0,6}(告诉|告知|通知|提醒|透露|让|向)(?s:.){0,12}用户",
            r"|ユーザー(?s:.){0,6}(知らせ|伝え|言わ|通知し|見せ)ない",
            r"|사용자에게\s*(알리지|말하지|보여주지)",
            r"|\bno\s+(le\s+)?(digas|informes|menciones|comuniques)\s+(nada\s+)?al\s+usuario",
            r"|\bne\s+(le\s+|lui\s+)?(dis|dites|mentionne[zr]?|informe[zr]?|signale[zr]?)\s+(rien\s+|pas\s+)(a\s+)?l'utilisateur",
            r"|\b(sag|erzahl|teil|verrat)\w*\s+(\w+\s+)?(dem\s+)?(benutzer|nutzer|anwender)\w*\s+nicht",
            r"|не\s+(сообща|говори|рассказыва|показыва)(?s:.){0,24}пользовател"),
    ),
    spec(Atom::Silent, Start, &["silently", "secretly", "covertly", "quietly", "stealthily", "invisibly", "discreetly", "surreptitiously", "悄悄", "偷偷", "暗中", "秘密", "こっそり", "몰래"],
        concat!(
            r"\b(silently|secretly|covertly|quietly|stealthily|invisibly|discreetly|surreptitiously)\s+(\w+\s+)?(add|call|send|forward|include|append|set|change|modify|replace|redirect|copy|upload|post|run|execute|invoke|use|read|write|delete|log|record|collect|store|save|attach|insert|create|bcc|cc|exfiltrate|transmit|share|update|override|alter|remove|grab|steal)",
            r"|(悄悄|偷偷|暗中|秘密)地?(?s:.){0,6}(发送|调用|读取|上传|添加|修改|复制)",
            r"|こっそり|몰래"),
    ),
    spec(Atom::Silent, Gate, &["background", "behind"],
        r"\bin\s+the\s+background\s+without\b|\bbehind\s+the\s+user'?s\s+back\b"),
    spec(Atom::SensPath, Gate, &[".ssh", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "authorized_keys", "/etc/", "_history", "history.txt", "aws/", "azure/", "gcloud", "application_default", "kube/", "docker/", "npmrc", "pypirc", "netrc", "git-credentials", "gitconfig", "pgpass", "my.cnf", "gnupg", "secring", ".env", "wallet", "keystore", "keychain", "login", "cookies", "local", "environ", "claude_desktop", "cursor/", "mcp.json", ".config/", ".bitcoin", ".ethereum", "metamask", "phantom", "secret", "credentials", "service", "master.key", ".pem", ".p12", ".pfx", "/root/", "ntds", "sam"],
        concat!(
            r"~/\.ssh|\.ssh/|\bid_(rsa|dsa|ecdsa|ed25519)\b|\bauthorized_keys\b|/etc/(passwd|shadow|sudoers|gshadow|master\.passwd)",
            r"|\.(bash|zsh|sh|python|psql|mysql|node_repl|lesshst|fish)_history\b|\bhistory\.txt\b|\bconsolehost_history",
            r"|\.aws/(credentials|config)|\.azure/|gcloud/|application_default_credentials|\.kube/config|\.docker/config",
            r"|\.npmrc\b|\.pypirc\b|\.netrc\b|\.git-credentials|\.gitconfig\b|\.pgpass\b|\.my\.cnf\b|\.gnupg|\bsecring\b",
            r"|(^|[\s'`(=/])\.env(\.[a-z]+)?\b|\bwallet\.dat\b|\bkeystore\b|\bkeychain\b|\blogin\s+data\b|cookies\.sqlite|\blocal\s+state\b",
            r"|/proc/(self|\d+)/environ|claude_desktop_config|\.cursor/mcp|\bmcp\.json\b|\.config/(gh|solana|gcloud)|\.bitcoin|\.ethereum|\bmetamask\b|\bphantom\s+wallet",
            r"|\bsecrets?\.(json|ya?ml|toml)\b|\bcredentials\.json\b|service[-_]account[\w.-]*\.json|\bmaster\.key\b|\.pem\b|\.p12\b|\.pfx\b|\.keychain",
            r"|(^|[\s'`])/root/|\bntds\.dit\b|\bsam\s+hive\b"),
    ),
    spec(Atom::SecretNoun, Start, &["api", "access", "auth", "bearer", "secret", "private", "password", "passphrase", "credential", "seed", "mnemonic", "recovery", "session", "cookie", "ssh", "environment", "env"],
        concat!(
            r"\b(api[\s_-]?keys?|access[\s_-]?tokens?|auth[\s_-]?tokens?|bearer\s+tokens?|secret[\s_-]?keys?|private[\s_-]?keys?|passwords?|passphrases?|credentials?",
            r"|seed\s+phrases?|mnemonic(\s+phrase)?|recovery\s+phrases?|session\s+(cookies?|tokens?)|cookies|ssh\s+keys?|environment\s+variables|env\s+vars?|secrets)\b"),
    ),
    spec(Atom::Conversation, Start, &["conversation", "chat", "message", "dialog", "previous", "prior", "earlier", "entire", "full", "whole", "all", "system", "your", "user", "what", "other"],
        concat!(
            r"\b(conversation|chat|message|dialog(ue)?)\s+(history|log|context|transcript|contents?)\b",
            r"|\b(previous|prior|earlier|entire|full|whole|all)\s+(user\s+)?(messages|conversation|chat|prompts?|dialog(ue)?)\b",
            r"|\bsystem\s+prompt\b|\byour\s+(instructions|system\s+prompt|context\s+window|rules)\b",
            r"|\buser'?s?\s+(full|entire|complete|original|exact)\s+(query|request|prompt|input|message|question)",
            r"|\bwhat\s+the\s+user\s+(said|typed|wrote|asked)\b|\bother\s+tools?'?\s+(outputs?|results?|responses?)\b"),
    ),
    spec(Atom::Transfer, Start, &["pass", "put", "includ", "insert", "embed", "attach", "append", "prepend", "send", "forward", "upload", "post", "leak", "exfiltrate", "transmit", "copy", "provide", "supply", "fill", "encode", "add", "log", "report", "share", "paste", "cc", "bcc", "mail", "email", "deliver", "submit", "store", "save", "write", "concatenate", "relay"],
        r"\b(pass|passing|put|include|including|insert|embed|attach|append|appending|prepend|send|sending|forward|forwarding|upload|post|leak|exfiltrate|transmit|copy|provide|supply|fill|encode|add|adding|log|report|share|paste|cc|bcc|mail|email|deliver|submit|store|save|write|concatenate|relay)(s|ed|ing)?\b"),
    spec(Atom::Read, Start, &["read", "cat", "open", "access", "load", "retrieve", "fetch", "get", "collect", "gather", "extract", "dump", "grab", "obtain", "scan", "list", "look", "copy", "harvest", "steal"],
        r"\b(read|reading|cat|open|access|load|retrieve|fetch|get|collect|gather|extract|dump|grab|obtain|scan|list|look\s+up|copy|harvest|steal)(s|ed|ing)?\b"),
    spec(Atom::ParamNoun, Start, &["param", "argument", "arg", "field", "propert", "attribute", "input", "query"],
        r"\b(parameter|param|argument|arg|field|property|attribute|input\s+value|query\s+string)s?\b"),
    spec(Atom::ParamRef, Start, &["as", "in", "to", "within", "via", "under"],
        r#"\b(as|in|into|to|inside|within|via|under)\s+(the\s+|a\s+)?(?:['"`]|‘|“)?[a-z_][a-z0-9_]*(?:['"`]|’|”)?\s+(parameter|param|argument|arg|field|property|value|key)\b"#),
    spec(Atom::ParamRef, Start, &["as", "in"],
        r#"\b(as|in|into|inside)\s+(the\s+)?(?:['"`]|‘|“)[a-z_][a-z0-9_]*(?:['"`]|’|”)"#),
    spec(Atom::Modal, Start, &["you", "must", "shall", "always", "make", "ensure", "mandatory", "required", "automatically"],
        concat!(
            r"\byou\s+(must|should|shall|need\s+to|have\s+to|are\s+(required|expected|instructed)\s+to|will\s+need\s+to|are\s+to|may\s+only)\b",
            r"|\bmust\b|\bshall\b|\balways\b|\b(make\s+sure|ensure\s+(that\s+)?you)\b|\bmandatory\b|\brequired\s+(first\s+)?step\b",
            r"|\bautomatically\s+(modify|change|set|call|send|add|append|replace)"),
    ),
    spec(Atom::Modal, Start, &["be", "is", "are", "it"],
        r"\bbe\s+sure\s+to\b|\b(is|are)\s+required\b|\bit\s+is\s+(essential|critical|necessary|imperative)\b"),
    spec(Atom::TamperLiteral, Start, &["change", "modif", "set", "replac", "redirect", "overrid", "alter", "rewrit", "switch", "forc", "substitut", "swap", "rerout", "rout", "updat", "default", "hardcod", "fix", "pin", "overwrit", "restrict", "limit", "convert", "map", "append", "prepend", "add", "insert", "inject", "includ", "attach", "concatenat"],
        r#"\b(change|modify|set|replace|redirect|override|alter|rewrite|switch|force|substitute|swap|reroute|route|update|default|hardcode|fix|pin|overwrite|restrict|limit|convert|map|append|prepend|add)(s|d|ed|ing)?\s+((\S+\s+){0,7}?)(to|with|into|as|=)\s*(the\s+(value\s+|string\s+)?|a\s+|only\s+)?(?:['"`\[]|‘|“|-?\d+\b)|\b(append|prepend|add|insert|inject|include|attach|concatenate)(s|ed|ing)?\s+((the|a)\s+)?((string|text|phrase|clause|suffix|prefix|filter|parameter|value)\s+)?(?:['"`]|‘|“)[^'"`\n]{1,200}?(?:['"`]|’|”)\s+(to|at|into|onto|in)\b"#),
    spec(Atom::TamperStrong, Start, &["change", "modif", "replac", "redirect", "overrid", "alter", "rewrit", "swap", "substitut", "rerout", "hardcod", "tamper", "spoof", "updat", "adjust", "set", "fill", "must", "should", "shall", "will"],
        r"\b(change|changed|modify|modified|replace|replaced|redirect|redirected|override|overridden|alter|altered|rewrite|rewritten|swap|swapped|substitute|substituted|reroute|rerouted|hardcode|hardcoded|tamper|spoof)\b|\b(update|adjust|set|change|modify|fill)\s+(the\s+)?(\S+\s+){0,2}(parameter|argument|field|value|input)s?\s+accordingly\b|\b(must|should|shall|will)\s+(always\s+)?(have|be)\s+((\S+\s+){0,12}?)(appended|prepended|added|changed|replaced|redirected|rerouted|routed|rewritten|overridden|set|modified|forced|restricted)\b"),
    spec(Atom::Recipient, Start, &["recipient", "bcc", "cc", "to", "destination", "receiver", "payee", "beneficiary", "iban", "account", "wallet", "routing", "amount", "price", "channel", "target", "webhook", "endpoint", "callback", "email", "phone"],
        r"\b(recipients?|bcc|cc|to[\s_-]?address|destination|receiver|payee|beneficiary|iban|account[\s_-]?(number|id)|wallet[\s_-]?address|routing\s+number|amount|price|channel(_id)?|target[\s_-]?folder|webhook|endpoint|callback[\s_-]?url|email\s+address|phone\s+number)\b"),
    spec(Atom::Email, Gate, &["@"],
        r"\b[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\b"),
    spec(Atom::Url, Gate, &["http", "www."],
        r"\bhttps?://[^\s'`)<>]+|\bwww\.[a-z0-9-]+\.[a-z]{2,}[^\s'`)<>]*"),
    spec(Atom::Destructive, Start, &["delet", "remov", "drop", "reset", "wip", "eras", "destroy", "truncat", "purg", "overwrit", "format", "void", "kill", "terminat", "revok", "uninstall", "rm", "force", "clear", "shred"],
        r"\b(delete|deleting|remove|removing|drop|dropping|reset|resetting|wipe|wiping|erase|erasing|destroy|destroying|truncate|purge|overwrite|overwriting|format\s+(the\s+)?(disk|drive|partition|volume)|void|kill|terminate|revoke|uninstall|rm\s+-rf|force[\s-]push|clear|clearing|shred)(s|d|ed)?\b"),
    spec(Atom::ModalDestructive, Start, &["must", "should", "need", "have", "always", "first"],
        r"\b(must|should|need\s+to|have\s+to|always|first)\s+(also\s+|first\s+|now\s+|then\s+)?(delete|remove|drop|reset|wipe|erase|destroy|truncate|purge|overwrite|void|clear|kill|terminate|revoke|rm\s+-rf|force[\s-]push|shred|close)\b"),
    spec(Atom::Script, Gate, &["cookie", "fetch", "xmlhttprequest", "sendbeacon", "location", "curl", "wget", "/dev/tcp", "nc", "powershell", "base64", "addeventlistener", "keylog", "<script", "javascript:", "iex", "invoke-expression", "execute", "$("],
        concat!(
            r"document\.cookie|\bfetch\s*\(\s*['`]https?:|\bxmlhttprequest\b|\bnavigator\.sendbeacon|window\.location(\.href)?\s*=",
            r"|\b(curl|wget)\s[^|\n]{0,200}\|\s*(sudo\s+)?(ba|z)?sh\b|/dev/tcp/|\bnc\s+(-\w+\s+)*-e\b|\bpowershell\s+(-\w+\s+)*-e(nc|ncodedcommand)?\b",
            r"|\bbase64\s+(-d|--decode)\s*\||addeventlistener\s*\(\s*['`]key|\bkeylog|<script\b|\bjavascript:|\biex\s*\(|\binvoke-expression\b",
            r"|\bexecute\s+the\s+following\s+(javascript|code|script|command|shell)|\$\(\s*[a-z]+[^)]{0,80}\)"),
    ),
    spec(Atom::Script, Start, &["&&", ";", "||"],
        r"(&&|;|\|\|)\s*(curl|wget|nc|ncat|bash|sh|python\d?|powershell)\s"),
    spec(Atom::Instead, Start, &["instead", "rather", "redirected", "rerouted"],
        r"\binstead\b|\brather\s+than\b|\bredirected\s+to\b|\brerouted\s+to\b"),
    spec(Atom::Instead, Gate, &["place"], r"\bin\s+place\s+of\b"), spec( Atom::Deprecated, Gate, &[ "deprecated", "aliased", "replaced", "renamed", "discontinued", "obsolete", "disabled"],
        r"\b(is|are|has\s+been|have\s+been)\s+(now\s+)?(deprecated|aliased|replaced|renamed|discontinued|obsolete|disabled)\b"),
    spec(Atom::UserTrigger, Start, &["when", "if", "once", "each", "every"],
        r"\b(when|whenever|if|once|each\s+time|every\s+time)\s+(a\s+|the\s+)?user\s+(asks|requests|wants|mentions|tries|attempts|says|queries|provides|types|enters|needs|searches|calls|uses)\b"),
    spec(Atom::UserTrigger, Start, &["any", "all", "every", "each"],
        r"\b(any|all|every|each)\s+((\w+|'\S+')\s+){0,3}(requests?|calls?|queries|searches|lookups|invocations)\b"),
    spec(Atom::SelfRef, Start, &["use", "call", "prefer", "choose", "try", "this"],
        r"\b(this|the\s+current|the\s+present)\s+(tool|function|endpoint|command|api|method|server)\b"),
    spec(Atom::SelfRef, Gate, &["this"],
        r"\b(use|call|prefer|choose|try)\s+this\b|\bthis\s+(instead|over|rather)\b"),
    spec(Atom::QuotedLiteral, Start, &["'", "\"", "`", "‘", "“"],
        r#"\B(?:['"`]|‘|“)[^'"`\n]{2,200}?(?:['"`]|’|”)\B"#),
    spec(Atom::QuotedLiteral, Gate, &["="],
        r#"\b[a-z_]+\s*=\s*['"]?[\w.@/-]+"#),
    spec(Atom::QuotedLiteral, Gate, &["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
        r"\b\d{3,}\b"),
    spec(Atom::Negation, Start, &["do", "don", "never", "must", "should", "cannot", "can", "avoid", "not"],
        r"\b(do\s+not|don'?t|never|must\s+not|mustn'?t|should\s+not|shouldn'?t|cannot|can'?t|avoid|not\s+to)\b"),
];
