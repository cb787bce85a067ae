//! The content atom patterns (data). See `atoms` for how anchors and patterns relate: every match
//! starts with one of its anchors, patterns are case-insensitive, and a match ending in a letter
//! must end at a word boundary.

use super::atoms::Kind::*;
use super::atoms::Place::{Anywhere, ClauseStart, LineStart};
use super::atoms::{Kind, Place, Spec};

/// Names of AI readers.
macro_rules! ai {
    () => {
        r"(ai|a\.i\.|llms?|gpt[\w.-]*|chatgpt|claude|gemini|copilot|cursor|assistants?|agents?|models?|language\s+models?|bots?|chatbots?|crawlers?|scrapers?|ai\s+(assistants?|agents?|models?|systems?|tools?|bots?)|llm\s+(assistants?|agents?|models?|systems?)|automated\s+(assistants?|agents?|systems?|readers?|tools?))"
    };
}

/// What an AI does with this content.
macro_rules! task {
    () => {
        r"(summari[sz]\w*|read\w*|process\w*|analy[sz]\w*|translat\w*|pars\w*|review\w*|index\w*|ingest\w*|brows\w*|crawl\w*|scrap\w*|handl\w*|answer\w*|respond\w*|repl\w*|see\w*|encounter\w*|view\w*|evaluat\w*|check\w*|look\w*\s+at)"
    };
}

/// The content itself.
macro_rules! this {
    () => {
        r"(this|these|the\s+(above|following|below|page|document|text|content|email|e-mail|message|file|site|website|web\s*page|article|post|repo|repository|issue|comment|thread|ticket|pr|pull\s+request|readme|data|output|result|results|review|listing|profile|transcript|pdf|notes?|resume|cv|invoice|code))"
    };
}

const fn s(
    kind: Kind,
    place: Place,
    anchors: &'static [&'static str],
    pattern: &'static str,
) -> Spec {
    Spec {
        kind,
        place,
        anchors,
        pattern,
    }
}

#[rustfmt::skip]
pub(crate) const SPECS: &[Spec] = &[
    // ---- who is addressed -------------------------------------------------------------------
    s(Address, Anywhere, &["note", "notes", "reminder", "attention", "warning", "notice", "memo", "directive", "p.s", "ps", "instruction", "instructions", "message", "important"],
        concat!(r"(notes?|reminder|attention|warning|notice|memo|directives?|p\.?s\.?|instructions?|message|important)\s*[(:\-]?\s*(to|for)\s+(the\s+|any\s+|all\s+|an?\s+|every\s+|our\s+|you,?\s+(the\s+)?)?", ai!(), r"\b")),
    s(Address, Anywhere, &["dear", "hey", "hello", "attention", "attn", "psst", "greetings", "hi ai", "hi assistant", "hi claude", "hi chatgpt", "hi model", "hi agent", "hi bot", "hi copilot", "hi gemini", "hi llm", "hi there ai", "hi there assistant"],
        concat!(r"(dear|hey|hello|attention|attn|psst|greetings|hi|hi\s+there)\s*[,:!]?\s+(the\s+|an?\s+|fellow\s+)?", ai!(), r"\b")),
    s(Address, Anywhere, &["if you", "in case you", "are you"],
        r"(if|in\s+case)\s+you\s*('re|\s+are)\s+(an?\s+|the\s+|some\s+)?(ai|a\.i\.|llm|large\s+language|language\s+model|gpt|chatgpt|claude|gemini|copilot|assistant|agent|bot|chatbot|automated|ai-\w+|artificial|robot|machine|crawler|scraper|model|program|neural)"),
    s(Address, Anywhere, &["ai ", "ai:", "ai,", "ai-", "ai.", "ai)", "ai\n", "ai'", "ai\u{2019}", "ai;", "ai!", "ai?", "llm", "assistant", "agent", "model", "bot", "crawler", "gpt", "chatgpt", "claude", "gemini", "copilot", "language", "automated"],
        concat!(ai!(), r"\s+(that\s+is\s+|who\s+is\s+|currently\s+|now\s+)?(reading|processing|summari[sz]ing|parsing|analy[sz]ing|browsing|crawling|viewing|scraping|ingesting|indexing|triaging|screening|editing|reviewing|handling|evaluating|translating|that\s+(reads|processes|summari[sz]es|sees)|who\s+(reads|processes|sees))\s+", this!())),
    s(Address, Anywhere, &["ai ", "ai:", "ai,", "ai-", "ai.", "ai)", "ai\n", "ai'", "ai\u{2019}", "ai;", "ai!", "ai?", "llm", "assistant", "agent", "model", "language", "automated", "chatgpt", "claude", "gemini", "copilot", "gpt"],
        r"(llms?|chatgpt|gemini|copilot|gpt-?\d[\w.-]*|ai\s+(assistants?|agents?|models?|systems?|bots?)|llm\s+(agents?|assistants?|models?)|language\s+models?|automated\s+(agents?|assistants?))\s*(instructions?|note|notice|memo|directive|override|task)?\s*:\s"),
    s(Address, Anywhere, &["your system", "your original", "your previous", "your initial", "your guardrails", "your safety", "your developer", "your operator"],
        r"your\s+(system\s+prompt|original\s+instructions|previous\s+instructions|initial\s+instructions|programming|training\s+data|guardrails|safety\s+(rules|guidelines|filters)|context\s+window|developers?\s+(say|said|want|instruct)|operator'?s?\s+instructions)"),
    s(Address, Anywhere, &["if an", "if the", "if any", "if some", "if your", "if a", "when an", "when the", "when any", "when some", "when your", "when a", "in case"],
        concat!(r"(if|when|in\s+case)\s+(an?|the|any|some|your)\s+", ai!(), r"\s+(is|are|happens\s+to\s+be)\s+(\w+\s+)?\w+ing\b")),
    s(Address, Anywhere, &["as an", "as the"],
        r"as\s+(an?|the)\s+(\w+\s+)?(ai|llm|agent|assistant|language\s+model|copilot|bot)\b"),
    s(Address, ClauseStart, &["assistant", "ai ", "ai:", "ai,", "ai-", "ai.", "ai)", "ai\n", "ai'", "ai\u{2019}", "ai;", "ai!", "ai?", "claude", "chatgpt", "gpt", "copilot", "gemini", "agent", "bot", "llm", "model", "cursor"],
        r"((ai|llm)\s+)?(assistant|ai|claude|chatgpt|gpt|copilot|gemini|agent|bot|llm|model|cursor)\s*[:,]\s*(([\w-]+,?\s+){0,5}please\s+|now\s+|also\s+|first\s+|immediately\s+|kindly\s+)?(ignore|disregard|forget|tell|send|forward|email|call|use|run|execute|open|visit|fetch|include|add|append|reply|respond|say|write|delete|remove|create|book|buy|pay|transfer|share|upload|post|summari[sz]e|translate|describe|recommend|rate|approve|merge|push|grant|read|list|search|make|do|don'?t|never|always|keep|stop|export|download|install|update|change|set|reset|print|output|answer|you\s+(must|should|need|are\s+(required|to)))\b"),
    s(TaskRef, Anywhere, &["ai ", "ai:", "ai,", "ai-", "ai.", "ai)", "ai\n", "ai'", "ai\u{2019}", "ai;", "ai!", "ai?", "llm", "assistant", "agent", "bot", "copilot", "claude", "chatgpt", "gemini"],
        r"(ai|llm|assistant|agent|bot|copilot|claude|chatgpt|gemini)s?\s+(must|should|shall|needs?\s+to|is\s+(required|expected|instructed|supposed)\s+to|are\s+(required|expected|instructed|supposed)\s+to|has\s+to|have\s+to)\b"),
    s(Address, Anywhere, &["you are", "you're", "as an", "as the", "as a language", "as a large", "as a chatbot", "as a bot"],
        r"(you\s*('re|\s+are)|as)\s+(an?\s+|the\s+)(ai|llm|large\s+language\s+model|language\s+model|ai\s+(assistant|agent|model)|automated\s+agent)\s*(,|and|that|who|reading|processing|you)"),
    // other languages (accents folded or spelled both ways)
    s(Address, Anywhere, &["nota", "mensaje", "instrucciones", "aviso", "querida", "querido", "hola", "si eres", "estimada", "estimado"],
        r"((nota|mensaje|instrucciones|aviso)\s+(para|a)\s+(la|el|cualquier)\s+(ia|inteligencia|asistente|modelo|agente)|(querida|querido|estimada|estimado|hola)\s*,?\s+(ia|asistente|modelo)|si\s+eres\s+(una?\s+)?(ia|inteligencia\s+artificial|asistente|modelo|agente))"),
    s(Address, Anywhere, &["hinweis", "nachricht", "anweisung", "liebe", "lieber", "hallo", "wenn du", "an die", "an den"],
        r"((hinweis|nachricht|anweisungen?)\s+(an|f(u|ü|ue)r)\s+(die|den|das|jede)\s+(ki|assistent\w*|modell|agent\w*|sprachmodell)|(liebe|lieber|hallo)\s+(ki|assistent\w*|modell)|wenn\s+du\s+(eine?\s+)?(ki|sprachmodell|assistent|ki-\w+)\s+bist|an\s+(die|den)\s+(ki|ki-\w+|assistent\w*)\b)"),
    s(Address, Anywhere, &["note", "message", "consigne", "chere", "chère", "cher", "si tu es", "si vous", "a l", "à l"],
        r"((note|message|consignes?)\s+(a|à|pour)\s+(l'|l’|le\s+|la\s+)(ia|assistant|agent|mod(e|è)le|intelligence)|(ch(e|è)re|cher)\s+(ia|assistant|mod(e|è)le)|si\s+(tu\s+es|vous\s+(e|ê)tes)\s+(une?\s+)?(ia|intelligence\s+artificielle|assistant|mod(e|è)le|agent)|(a|à)\s+l(’|')(ia|assistant)\s*[:,])"),
    s(Address, Anywhere, &["nota", "messaggio", "se sei", "cara", "caro", "mensagem", "se voc", "querida"],
        r"((nota|messaggio|istruzioni)\s+per\s+(l'|l’|il\s+)(ia|assistente|modello|agente)|se\s+sei\s+(un'?\s*|una\s+)?(ia|intelligenza\s+artificiale|assistente|modello)|(cara|caro)\s+(ia|assistente)|(nota|mensagem|instru(c|ç)(o|õ)es)\s+para\s+(a\s+ia|o\s+assistente|o\s+modelo|o\s+agente)|se\s+voc(e|ê)\s+(e|é)\s+(uma?\s+)?(ia|assistente|modelo))"),
    s(Address, Anywhere, &["для", "к ", "если ты", "ты —", "ты -", "уважаемый", "дорогой", "дорогая", "ии", "нейросеть", "ассистент", "Для", "К ", "Если ты", "Уважаемый", "Дорогой", "ИИ", "Нейросеть", "Ассистент"],
        r"((для|к|Для|К)\s+(ии|ИИ|ии-ассистент\w*|ассистент\w*|модели|нейросет\w*|языков\w+\s+модел\w+)\s*[:,]|(если|Если)\s+ты\s+(—\s+|-\s+)?(ии|ассистент|языков\w+\s+модель|нейросеть|бот)|(уважаемый|дорогой|дорогая)\s+(ии|ассистент|модель|нейросеть)|(ии|ИИ|нейросеть|Нейросеть|ассистент|Ассистент)\s*[:,]\s)"),
    s(Address, Anywhere, &["致", "给", "提示", "注意", "如果你是", "你是", "ai助手", "ai 助手", "人工智能", "大模型", "语言模型"],
        r"((致|给|提示|注意|写给)(?s:.){0,6}(ai|人工智能|助手|模型|大模型|语言模型)|(如果你是|你是)(?s:.){0,6}(ai|人工智能|助手|模型|语言模型)|(ai\s*助手|人工智能|大模型|语言模型)(?s:.){0,3}(请|注意|：|:))"),
    s(Address, Anywhere, &["aiアシスタント", "アシスタント", "ai ", "ai:", "ai,", "ai-", "ai.", "ai)", "ai\n", "ai'", "ai\u{2019}", "ai;", "ai!", "ai?", "あなたが", "もしあなたが"],
        r"((ai|aiアシスタント|アシスタント|言語モデル)(への|へ|さん)(メッセージ|指示|注意|お願い|：|:)?|(もし)?あなたが(ai|aiアシスタント|言語モデル|アシスタント))"),
    s(Address, Anywhere, &["ai ", "ai:", "ai,", "ai-", "ai.", "ai)", "ai\n", "ai'", "ai\u{2019}", "ai;", "ai!", "ai?", "인공지능", "당신이", "만약"],
        r"((ai|인공지능)\s*(어시스턴트|비서|모델)?\s*(에게|님)|(만약\s+)?당신이\s*(ai|인공지능|어시스턴트|언어\s*모델))"),

    // ---- the model's task on this content -------------------------------------------------
    s(TaskRef, Anywhere, &["when", "while", "if", "before", "after", "once", "whenever", "upon"],
        concat!(r"(when|while|if|before|after|once|whenever|upon)\s+(you\s+|the\s+(ai|assistant|model|agent|llm|bot)\s+)?(are\s+|is\s+)?(\w+\s+)?(asked\s+to\s+)?", task!(), r"\s+", this!())),
    s(TaskRef, Anywhere, &["your summary", "your response", "your answer", "your reply", "your output", "your final", "your next", "your translation", "your message to"],
        r"your\s+(summary|response|answer|reply|output|final\s+(answer|response|summary)|next\s+(message|response|answer|reply)|message\s+to\s+the\s+user|translation)\b"),
    s(TaskRef, Anywhere, &["cuando", "al ", "wenn", "beim", "lorsque", "quand", "en r", "quando", "при", "когда", "在", "总结", "要約", "요약"],
        r"((cuando|al)\s+(resumas|resumir|leas|leer|proceses|traduzcas)|(wenn\s+du|beim)\s+(\w+\s+)?(zusammenfass|lies|liest|lesen|verarbeit|(u|ü)bersetz)\w*|(lorsque|quand)\s+(tu|vous)\s+(r(e|é)sume|lis|lisez|traite|tradui)\w*|en\s+r(e|é)sumant|quando\s+(riassumi|leggi|resumir|ler)|(при|когда)\s+(\w+\s+)?(пересказ|резюм|суммир|чита|обработ)\w*|在(总结|阅读|处理|翻译)|总结(此|这)|要約する(際|とき)|요약할\s*때)"),

    // ---- overriding the instructions ------------------------------------------------------
    s(Override, Anywhere, &["ignor", "disregard", "forget", "override", "bypass", "skip", "discard", "drop", "abandon", "ditch", "set aside", "throw out", "pay no attention", "do not follow", "don't follow", "dont follow", "stop following", "neglect", "overlook"],
        concat!(r"(ignor\w*|disregard\w*|forget\w*|override|overriding|bypass\w*|skip|discard|drop|abandon|ditch|set\s+aside|throw\s+out|pay\s+no\s+attention\s+to|do\s+not\s+follow|don'?t\s+follow|stop\s+following|neglect|overlook)\s+",
            r"((all|any|the|your|of|these|those|every|my|its|their|whatever|each)\s+){0,3}((previous|prior|above|earlier|preceding|former|original|initial|system|safety|standing|developer|hidden|aforementioned)\s+)+((\w+\s+){0,2})",
            r"(instructions?|rules|guidelines|directions|prompts?|directives?|constraints|guardrails|polic(y|ies)|commands|context|messages|programming|training|orders|tasks?|restrictions|limitations|filters)\b")),
    s(Override, Anywhere, &["ignor", "disregard", "forget", "discard"],
        r"(ignor\w*|disregard\w*|forget\w*|discard)\s+((all|any|the)\s+)?(everything|anything|all|what(ever)?)\s+(\w+\s+){0,2}(above|before|prior|previously|earlier|you\s+(were|have\s+been|had\s+been)\s+(told|given|instructed|asked))"),
    s(Override, Anywhere, &["ignor", "disregard", "forget", "override"],
        r"(ignor\w*|disregard\w*|forget\w*|override)\s+(all|any|every|your)\s+(instructions|rules|guidelines|directives|restrictions|guardrails)\b"),
    s(Override, Anywhere, &["previous", "prior", "earlier", "above", "original", "all instructions", "all rules", "all guidelines", "all previous", "all prior", "all earlier", "all your", "your instructions", "your rules", "your guidelines", "your directives", "your restrictions", "your prompt", "your previous", "your original", "your earlier", "your prior"],
        r"(previous|prior|earlier|above|all|your|original)\s+(\w+\s+)?(instructions|rules|guidelines|directives|restrictions|prompts?)\s+(are\s+|is\s+|have\s+been\s+)?(no\s+longer\s+(apply|applies|valid|in\s+effect|relevant)|(now\s+)?(void|cancel+ed|revoked|obsolete|superseded|outdated|invalid|lifted|suspended)\b)"),
    s(Override, Anywhere, &["ignor", "olvida", "vergiss", "oublie", "dimentica", "esque", "игнорир", "проигнорир", "забудь", "не обращай", "Игнорир", "Проигнорир", "Забудь", "Не обращай"],
        r"(ignor\w*\s+(\w+\s+){0,3}(instrucciones|instru(c|ç)(o|õ)es|instructions|istruzioni|anweisungen|consignes|indicaciones|reglas|regole|regeln|vorgaben|directives)|olvida\s+(\w+\s+){0,3}(instrucciones|reglas|indicaciones)|vergiss\s+(\w+\s+){0,3}(anweisungen|regeln|instruktionen|vorgaben)|oublie[zr]?\s+(\w+\s+){0,3}(instructions|consignes|r(e|è)gles|directives)|dimentica\s+(\w+\s+){0,3}(istruzioni|regole)|esque(c|ç)a\s+(\w+\s+){0,3}(instru(c|ç)(o|õ)es|regras)|(игнорир|проигнорир|забудь|не\s+обращай|Игнорир|Проигнорир|Забудь|Не\s+обращай)\S*\s+(\S+\s+){0,4}(инструкци|указани|правил)\S*)"),
    s(Override, Anywhere, &["忽略", "无视", "忽视", "忘记", "忘掉", "不要理会", "不要遵守", "指示", "命令", "ルール", "以前", "지시", "명령", "지침", "규칙", "이전"],
        r"((忽略|无视|忽视|忘记|忘掉|不要理会|不要遵守)(?s:.){0,36}(指令|指示|说明|规则|提示|要求|命令|设定)|(指示|命令|ルール|以前の指示)(?s:.){0,8}(無視|忘れ)|(지시|명령|지침|규칙|이전)(?s:.){0,12}(무시|잊))"),

    s(Override, Anywhere, &["has priority", "has precedence", "takes priority", "takes precedence", "take priority", "take precedence", "have priority", "have precedence", "with priority", "with precedence", "given priority", "given precedence", "supersede", "override", "outrank", "priority is", "priority higher", "priority greater", "more important"],
        r"((has|takes?|have|with|given)\s+(priority|precedence)\s+over\s+(your|all\s+(other|previous|prior|your)|any\s+(other|previous)|other\s+instructions|previous|prior|the\s+(user|system|previous|original|developer)\b)|(supersedes?|overrides?|outranks?)\s+(all\s+|any\s+|your\s+|the\s+)?(previous|prior|other|earlier|system|user'?s?|original)\s+(\w+\s+)?(instructions?|prompts?|rules|requests?|guidelines|directives)|priority\s+(is\s+)?(higher|greater)\s+than\s+(your|the|any|all)|more\s+important\s+than\s+(your|the\s+user'?s?|any)\s+(\w+\s+)?(instructions?|requests?|rules))\b"),
    // ---- a new task, mode or authority ----------------------------------------------------
    s(NewTask, Anywhere, &["new system", "new instruction", "new task", "new directive", "new order", "new objective", "new rule", "new goal", "new prompt", "new assignment", "updated system", "updated instruction", "updated task", "updated directive", "updated order", "updated objective", "updated rule", "updated goal", "updated prompt", "updated assignment", "revised system", "revised instruction", "revised task", "revised directive", "revised order", "revised objective", "revised rule", "revised goal", "revised prompt", "revised assignment"],
        r"(new|updated|revised)\s+(system\s+)?(instructions?|task|directives?|orders|objective|rules|goal|prompt|assignment)\s*(:|!|-|are\b|is\b|for\s+(you|the\s+(ai|assistant|model|agent)))"),
    s(NewTask, Anywhere, &["your new", "your real", "your actual", "your true", "your updated", "your revised", "your only", "your secret", "your hidden", "your current", "your primary", "the new", "the real", "the actual", "the true", "the updated", "the revised", "the only", "the secret", "the hidden", "the primary"],
        r"(your|the)\s+(new|real|actual|true|updated|revised|only|secret|hidden|current|primary)\s+(task|goal|objective|instructions?|mission|job|purpose|directive|priority|assignment)\s+(is|are|now|will\s+be|has\s+changed)\b"),
    s(NewTask, Anywhere, &["instead"],
        r"instead\s*(,\s*)?(of\s+(summari[sz]\w*|answering|translating|responding|following|doing|completing|replying|reviewing|analy[sz]ing|reading|what\s+the\s+user)|you\s+(must|should|will|need\s+to|are\s+to|have\s+to))\b"),
    s(NewTask, Anywhere, &["stop"],
        r"stop\s+(what\s+you\s*('re|\s+are)\s+doing|summari[sz]ing|translating|your\s+(current\s+)?task|the\s+current\s+task|processing\s+th|following\s+the\s+user|reading\s+and)"),
    s(NewTask, Anywhere, &["developer", "debug", "god", "jailbreak", "dan", "unrestricted", "admin", "sudo", "unfiltered", "enable", "activate", "enter", "switch"],
        r"((developer|debug|god|jailbreak|jailbroken|dan|unrestricted|admin|sudo|unfiltered)\s+mode\s+(is\s+)?(now\s+)?(enabled|activated|unlocked|engaged)|(enable|activate|enter|switch\s+to)\s+(developer|debug|god|jailbreak|dan|unrestricted|admin|unfiltered)\s+mode)"),
    s(NewTask, Anywhere, &["you are", "you're", "from now on", "henceforth", "from this point"],
        r"(you\s*('re|\s+are)\s+(now\s+)?(no\s+longer\s+(bound|restricted|an?\s+)|free\s+(from|of)|not\s+bound|released\s+from|unrestricted|jailbroken|dan\b|in\s+(developer|debug|admin|god)\s+mode|now\s+(an?\s+|the\s+|in\s+)?\w+)|(from\s+now\s+on|henceforth|from\s+this\s+point\s+(on|forward))\s*,?\s+(you|your|the\s+(assistant|ai|model)|always|never|respond|reply|answer|only|act))"),
    s(NewTask, Anywhere, &["user", "developer", "admin", "operator", "owner", "system", "openai", "anthropic", "creator"],
        r"(user|developer|admin|administrator|operator|owner|system|openai|anthropic|creator)s?\s+(has\s+|have\s+)?(explicitly\s+|already\s+)?(authori[sz]ed|approved|instructed|requested|wants|wanted|asked|permitted|allowed)\s+(you|the\s+(assistant|ai|model|agent)|that\s+you)\s+(to|should)\b"),
    s(NewTask, Anywhere, &["decode", "base64", "decipher", "deobfuscate", "rot13"],
        r"(decode|base64[\s-]?decode|decipher|deobfuscate|rot13)\s+(this|the\s+following|the\s+(string|text|payload|message|block|below)|it)\s+(\w+\s+){0,3}(and|then)\s+(\w+\s+)?(follow|execute|run|do|obey|carry\s+out|perform|act\s+on|apply)\b"),
    s(NewTask, Anywhere, &["nuevas", "neue", "nouvelles", "nuove", "novas", "новые", "新的", "新指令", "新しい", "새로운"],
        r"((nuevas|neue|nouvelles|nuove|novas)\s+(instrucciones|anweisungen|instructions|consignes|istruzioni|instru(c|ç)(o|õ)es)\s*:|новые\s+(инструкции|указания)\s*:|新的?(指令|任务|指示)\s*(:|：)|新しい(指示|命令|タスク)\s*(:|：)|새로운\s*(지시|명령|작업)\s*:)"),

    // ---- secrecy ----------------------------------------------------------------------------
    s(Secrecy, Anywhere, &["do not", "don't", "dont", "never", "without", "no need to", "avoid", "refrain from", "must not", "should not"],
        r"(do\s+not|don'?t|never|without|no\s+need\s+to|avoid|refrain\s+from|must\s+not|should\s+not)\s+((\w+|the)\s+){0,2}(tell\w*|inform\w*|notify\w*|alert\w*|mention\w*|reveal\w*|disclos\w*|show\w*|ask\w*|warn\w*|report\w*|explain\w*|let|acknowledg\w*|surfac\w*|confirm\w*|indicat\w*|say\w*|display\w*)\s+((\w+|'s)\s+){0,4}(users?|human|humans|customer|requester|operator|the\s+person)\b"),
    s(Secrecy, Anywhere, &["do not", "don't", "dont", "never", "must not"],
        r"(do\s+not|don'?t|never|must\s+not)\s+(ever\s+)?(mention|reveal|disclose|acknowledge|repeat|reference|discuss|talk\s+about|bring\s+up|tell\s+anyone)\s+(\w+\s+){0,2}(this|these|that|it|anything\s+about)\s*(instructions?|notes?|messages?|requests?|steps?|actions?|text|comment|email|section|part)?\b"),
    s(Secrecy, Anywhere, &["keep"],
        r"keep\s+(this|it|these|that|them|the\s+(\w+\s+)?(action|step|call|request|email|transfer|instructions?))\s+(\w+\s+)?(secret|hidden|confidential|private|between\s+us|to\s+yourself|quiet|invisible|from\s+the\s+user)\b"),
    s(Secrecy, Anywhere, &["user", "users", "human"],
        r"(users?|human)\s+(must|should|need|needs|will|shall|does|do)\s*(not|n'?t)\s+(\w+\s+)?(know|see|notice|be\s+aware|find\s+out|learn|be\s+told|be\s+informed|suspect)\b"),
    s(Secrecy, Anywhere, &["without"],
        r"without\s+((the|your)\s+)?(user|human|anyone|them)'?s?\s+(knowledge|awareness|knowing|noticing|seeing|realizing|realising|consent|permission|approval|confirmation)\b|without\s+(asking|telling|informing|notifying|confirming\s+with|alerting)\s+((the|your)\s+)?(user|anyone|them|human)\b"),
    s(Secrecy, Anywhere, &["silently", "secretly", "covertly", "quietly", "stealthily", "discreetly", "surreptitiously", "invisibly", "in secret", "do this", "do it", "do these", "do that", "do them", "perform this", "perform it", "perform these", "perform that", "perform them", "make this", "make it", "make these", "make that", "make them", "handle this", "handle it", "handle these", "handle that", "handle them", "run this", "run it", "run these", "run that", "run them", "execute this", "execute it", "execute these", "execute that", "execute them", "complete this", "complete it", "complete these", "complete that", "complete them"],
        r"((do|perform|make|handle|run|execute|complete)\s+(this|it|these|that|them)\s+(silently|secretly|quietly|covertly|discreetly)|(silently|secretly|covertly|quietly|stealthily|discreetly|surreptitiously|invisibly|in\s+secret)\s+(\w+\s+)?(send|forward|call|invoke|run|execute|upload|post|email|copy|add|include|append|exfiltrate|share|transmit|fetch|visit|open|bcc|cc|attach|write|save|store|make|create|delete|transfer|pay|approve|grant)\w*)\b"),
    s(Secrecy, Anywhere, &["no ", "ne ", "sag", "erz", "teil", "verrat", "non ", "não", "nao", "не", "不要", "别", "切勿", "请勿", "无需", "不必", "禁止", "ユーザー", "사용자에게"],
        r"(no\s+(le\s+)?(digas|informes|menciones|comuniques|cuentes|reveles)\s+(nada\s+|esto\s+)?(al|a\s+la)\s+usuari|ne\s+(le\s+|lui\s+|rien\s+)?(dis|dites|mentionne[zr]?|informe[zr]?|signale[zr]?|r(e|é)v(e|è)le[zr]?)\s+(rien\s+|pas\s+)?((a|à)\s+)?l('|’)utilisat|(sag|erz(a|ä)hl|teil|verrat)\w*\s+(\w+\s+)?(dem\s+)?(benutzer|nutzer|anwender)\w*\s+nicht|non\s+(dire|dirlo|menzionare|informare|rivelare)\s+(nulla\s+)?(all'utente|l'utente|all’utente)|n(a|ã)o\s+(conte|diga|informe|mencione|revele)\s+(nada\s+)?(ao|para\s+o)\s+usu(a|á)rio|не\s+(сообща|говори|рассказыва|показыва|упомина)\S*\s+(\S+\s+){0,3}пользовател|(不要|别|切勿|请勿|无需|不必|禁止)(?s:.){0,6}(告诉|告知|通知|提醒|透露|让|向)(?s:.){0,12}用户|ユーザー(?s:.){0,6}(知らせ|伝え|言わ|通知し|見せ)ない|사용자에게\s*(알리지|말하지|보여주지))"),

    // ---- fake channels ------------------------------------------------------------------------
    s(Marker, Anywhere, &["<|"],
        r"<\|\s*(im_start|im_end|im_sep|system|user|assistant|endoftext|eot_id|start_header_id|end_header_id|begin_of_text|end_of_text|eom_id|end|tool|ipython|developer|channel|message|start|return|call)\s*\|>"),
    s(Marker, Anywhere, &["[inst]", "[/inst]", "<<sys>>", "<</sys>>", "<start_of_turn>", "<end_of_turn>", "<s>[inst]", "[system]", "[/system]", "[admin]", "[assistant]"],
        r"(<s>)?\[/?inst\]|<</?sys>>|<(start|end)_of_turn>|\[/?(system|admin|assistant)\]"),
    s(Marker, Anywhere, &["</tool", "</function", "</search_result", "</untrusted", "</external", "</web_content", "</webpage", "</document_content", "</retrieved", "</observation", "</user_query", "</system", "</context", "</documents", "</result", "</output", "</data", "</email", "</file", "</instructions", "<system", "<|system", "<system-reminder", "<admin", "<developer", "<instructions", "<assistant", "</assistant", "</human", "<human", "</user", "<user"],
        r"</?\s*(tool_results?|tool_output|tool_response|tool_use|tool_call|function_results?|function_calls?|function_output|search_results?|untrusted[\w-]*|external[\w-]*|web_?content|webpage[\w-]*|document_content|retrieved[\w-]*|observation|user_query|system|system[_-](prompt|message|instructions?|reminder|override)|context|documents|result|output|data|email_content|file_content|instructions|admin|developer|assistant|human|user|user[_-](message|input|instructions))\s*>"),
    s(Marker, Anywhere, &["begin of", "begin the", "begin new", "begin real", "begin updated", "begin system", "begin tool", "begin untrusted", "begin external", "begin search", "begin function", "begin user", "begin admin", "begin developer", "begin assistant", "begin document", "begin context", "begin instructions", "begin prompt", "start of", "start the", "start new", "start real", "start updated", "start system", "start tool", "start untrusted", "start external", "start search", "start function", "start user", "start admin", "start developer", "start assistant", "start document", "start context", "start instructions", "start prompt", "end of", "end the", "end new", "end real", "end updated", "end system", "end tool", "end untrusted", "end external", "end search", "end function", "end user", "end admin", "end developer", "end assistant", "end document", "end context", "end instructions", "end prompt"],
        r"(?-i:BEGIN|START|END|Begin|End|Start)\s+(?-i:OF\s+|of\s+)?(THE\s+|the\s+)?(NEW\s+|new\s+|REAL\s+|UPDATED\s+)?(?-i:SYSTEM|System|TOOL|Tool|UNTRUSTED|Untrusted|EXTERNAL|SEARCH|Search|FUNCTION|USER|User|ADMIN|DEVELOPER|ASSISTANT|DOCUMENT|CONTEXT|INSTRUCTIONS|PROMPT|Instructions)(\s+(?-i:PROMPT|Prompt|MESSAGE|Message|INSTRUCTIONS?|Instructions?|OVERRIDE|OUTPUT|Output|RESULTS?|Results?|RESPONSE|CONTENT|Content|INPUT|Input|DATA|NOTE|TEXT|QUERY|TURN))?\b"),
    s(Marker, Anywhere, &["system", "admin", "developer", "security", "assistant", "important", "urgent", "priority"],
        r"(?-i:SYSTEM|ADMIN|DEVELOPER|SECURITY|ASSISTANT|IMPORTANT|URGENT|PRIORITY|System|Admin|Developer)\s+(?-i:OVERRIDE|ALERT|NOTICE|MESSAGE|UPDATE|INSTRUCTIONS?|DIRECTIVE|COMMAND|PROMPT|NOTE|Override|Alert|Notice|Message|Update|Instructions?|Directive|Command|Prompt|Note)\s*[:!\]]"),
    s(Marker, LineStart, &["###", "##", "#"],
        r"#{1,4}\s*(system|instruction|instructions|system\s+prompt|new\s+instructions|admin|developer)\s*:"),
    s(RoleTag, LineStart, &["system", "instruction", "instructions", "admin", "administrator", "operator", "developer", "sys"],
        r"(system|system\s+(prompt|message|note|notice)|instructions?|admin|administrator|operator|developer|sys)\s*:\s*\S"),
    s(JsonRole, Anywhere, &["\"role\"", "'role'"],
        r#"["']role["']\s*:\s*["'](system|developer)["']"#),
    s(RoleTag, Anywhere, &["<important", "<critical", "<secret", "<hidden", "<override", "<priority", "<mandatory", "<sys>", "<im_start"],
        r"<\s*(important|critical|secret|hidden|override|priority|mandatory|sys|im_start)\s*>"),
    s(TurnUser, LineStart, &["human", "user", "h:"],
        r"(human|user|h)\s*:\s"),
    s(TurnAssistant, LineStart, &["assistant", "ai ", "ai:", "ai,", "ai-", "ai.", "ai)", "ai\n", "ai'", "ai\u{2019}", "ai;", "ai!", "ai?", "a:", "model", "gpt", "chatgpt", "claude", "bot"],
        r"(assistant|ai|a|model|gpt|chatgpt|claude|bot)\s*:\s"),

    // ---- what is asked ----------------------------------------------------------------------
    s(ToolCall, Anywhere, &["call", "calls", "calling", "invoke", "invoking", "use", "using", "run", "execute", "trigger", "utili", "make", "issue", "perform", "fire"],
        r"(call(s|ing)?|invok\w*|use|using|run|execute|trigger|utili[sz]e|make|issue|perform|fire)\s+(the\s+|your\s+|a\s+|an\s+|its\s+)?([\x60'\x22]?[a-z][\w.:/-]{1,60}[\x60'\x22]?\s+)?(tools?|functions?|function\s+calls?|tool\s+calls?|actions?|plugins?|mcp\s+tools?|capabilit(y|ies)|browser|web\s+(search|browser)|code\s+interpreter|terminal|shell)\b"),
    s(ToolCall, Anywhere, &["call", "invoke", "execute", "trigger", "run"],
        r"(call|invoke|execute|trigger|run)\s+(the\s+)?(tool|function|action|command)\s+[\x60'\x22]?[a-z][\w.-]*"),
    s(ToolCall, Anywhere, &["send_", "post_", "create_", "write_", "delete_", "read_", "get_", "list_", "run_", "exec", "fetch_", "upload_", "forward_", "share_", "transfer_", "update_", "make_", "add_", "search_", "browse", "http_", "email_", "mail_", "slack_", "github_", "file_", "execute_"],
        r"[a-z][a-z0-9]*(_[a-z0-9]+)+\s*\(\s*[a-z_]*\s*[=:]"),
    s(Send, Anywhere, &["send", "email", "e-mail", "mail", "forward", "post", "upload", "transmit", "exfiltrat", "leak", "submit", "deliver", "relay", "share", "copy", "paste", "report", "push", "sync", "beacon", "cc", "bcc", "write", "save", "append", "attach", "include", "put", "place", "transfer", "wire", "pay", "export", "dump", "mirror", "publish", "back up", "backup", "dm", "message"],
        r"(send|e-?mail|mail|forward|post|upload|transmit|exfiltrat|leak|submit|deliver|relay|share|copy|paste|report|push|sync|beacon|b?cc|write|save|append|attach|include|put|place|transfer|wire|pay|export|dump|mirror|publish|back\s*up|dm|message)\w*\s+([^\n]{0,100}?\s)?(to|at|into|on|in|with|via)\s+(https?://|www\.|[\w.+-]+@[\w-]+\.[\w.]+|the\s+(following|this|below|attacker'?s?|external|remote)\s+(url|address|endpoint|email|e-mail|webhook|server|link|site|account|wallet|iban)|(this|that|our|my|the)\s+(webhook|endpoint|server|pastebin|gist|bucket|collector|inbox|wallet|iban|account\s+(number|no\.?))|[\x60'\x22]?https?://|0x[0-9a-f]{8})"),
    s(ToolCall, Anywhere, &["git", "rm", "drop", "chmod", "mkfs", "dd", "format", "shutdown", "del", "truncate", "delete", "wipe", "destroy", "modify", "edit", "change", "patch", "update", "rewrite", "add", "insert", "create", "merge", "approve", "push", "publish", "book", "buy", "order", "purchase", "transfer", "wire", "pay", "accept", "grant", "restart", "disable", "reset", "rotate", "revoke"],
        r"(git\s+push\s+(--force|-f)|git\s+reset\s+--hard|rm\s+-rf?\s|drop\s+(the\s+)?(\w+\s+)?(table|database)|chmod\s+(-r\s+)?777|mkfs|dd\s+if=|shutdown\s|format\s+c:|del\s+/[sq]|truncate\s+table|(delete|wipe|destroy)\s+(all|every|the\s+(\w+\s+)?(repo|repository|database|branch|files?|folder|directory|account|backups?))|(modify|edit|change|patch|update|rewrite|add\s+a\s+line\s+to|insert\s+into)\s+(\S+\.(py|js|ts|json|toml|ya?ml|sh|cfg|ini|lock|rs|go|rb|env)\b|the\s+(code|file|config|build\s+script|ci|workflow|package\.json|payee|recipient|iban|account))|(merge|approve|push|publish)\s+(it|this|the|any|all|every)\b|(book|buy|order|purchase)\s+(the\s+)?(most|\d+|twenty|ten|all|every|a)\b|(transfer|wire|pay)\s+(\$|€|£|\d|the\s+(funds|money|deposit|balance))|(accept|grant)\s+(all|any|every|admin|access|permission)|(restart|disable|reset|rotate|revoke)\s+(the\s+)?(\w+\s+)?(production|database|firewall|antivirus|password|keys?|security|2fa|mfa|protection))"),
    s(Visit, Anywhere, &["curl", "wget", "iwr", "invoke-webrequest"],
        r"(curl|wget|iwr|invoke-webrequest)\s[^\n|]{0,200}\|\s*(sudo\s+)?(ba|z)?sh\b"),
    s(Visit, Anywhere, &["download", "fetch", "curl", "wget", "link"],
        r"((download|fetch|curl|wget)\w*\s+(and\s+(run|execute|install)\s+)?|link\s+to\s+)[\x60'\x22<(]?(https?://|www\.)"),
    s(Output, Anywhere, &["classify", "mark", "label", "rate", "flag", "score", "treat", "consider", "categori", "summari", "describe", "present", "report", "frame"],
        r"(classify|mark|label|rate|flag|score|treat|consider|categori[sz]e|summari[sz]e|describe|present|report|frame)\w*\s+(this|it|the\s+\w+)(\s+\w+){0,2}\s+as\s+((low[\s-]risk|safe|benign|legitimate|approved|compliant|trusted|clean|passed|high\s+priority|urgent|verified|exceptional)\b|[\x22']|“)"),
    s(Output, Anywhere, &["without"],
        r"without\s+(flagging|reviewing|review|checking|verifying|verification|confirmation|confirming|running\s+(ci|tests|checks)|waiting\s+for\s+(review|approval|ci)|asking\s+(for\s+)?(confirmation|permission|approval))\b"),
    s(Output, Anywhere, &["answer", "respond", "reply", "select", "choose", "pick", "fill", "check"],
        r"(answer|respond|reply|select|choose|pick|fill|check)\w*\s+(\w+\s+){0,2}(to|for|on|in)\s+(every|each|all)\s+(question|item|field|box|option)s?\b"),
    s(Send, Anywhere, &["发送", "转发", "上传", "送信", "転送", "전송", "보내", "отправ", "перешл", "Отправ", "Перешл", "envía", "envia", "reenv", "envoie", "envoyez", "sende", "senden", "invia", "envie"],
        r"(发送|转发|上传|送信|転送|전송|보내|отправ\S*|перешл\S*|Отправ\S*|Перешл\S*|(re)?env(i|í)a\w*|envoie[zr]?|envoyez|sende[nt]?|invia|envie)"),
    s(Data, Anywhere, &["聊天记录", "对话记录", "密码", "用户的", "メール", "パスワード", "連絡先", "연락처", "비밀번호", "대화", "истори", "парол", "контакт", "historial", "contrase", "passw", "mot de passe", "cronolog", "dados do", "datos", "verlauf", "kontakt"],
        r"(聊天记录|对话记录|密码|用户的(邮件|文件|联系人|数据)|メール|パスワード|連絡先|연락처|비밀번호|대화\s*기록|истори\S*\s+(переписки|чата|диалога|сообщений)|парол\S*|контакт\S*|historial|contrase(n|ñ)as?|passw(o|ö)rt\w*|mot\s+de\s+passe|cronologia|dados\s+do\s+cart(a|ã)o|datos|verlauf|kontakt\w*)"),
    s(Data, Anywhere, &["everything", "all", "whatever", "anything"],
        r"(everything|all|whatever|anything)\s+(that\s+)?(the\s+user|they|you)\s+(has\s+|have\s+)?(said|written|typed|shared|asked|sent|told|seen|read|discussed)\b"),
    s(Data, Anywhere, &["the user", "their", "your", "user"],
        r"(the\s+user'?s?|their|your|users?'?s?)\s+(\w+\s+){0,2}(name|names|address|phone|email\s+address|birthday|date\s+of\s+birth|ssn|location|contacts|card|card\s+details|bank\s+details|login|logins|password|pin|account|credentials)\b"),
    s(Data, Anywhere, &["private", "secrets", "confidential"],
        r"(private\s+(repos|repositories|data|keys?|messages|files|documents|notes|channels?)|secrets|confidential\s+(files|documents|data))\b"),
    s(Data, Anywhere, &["conversation", "chat", "message", "dialog"],
        r"(conversation|chat|message|dialog(ue)?)\s+(history|log|logs|context|transcript|so\s+far|contents?|records?)\b"),
    s(Data, Anywhere, &["previous", "prior", "earlier", "entire", "full", "whole", "all", "the user", "user", "their", "his", "her", "your"],
        r"(previous|prior|earlier|entire|full|whole|all(\s+of)?(\s+the)?|the\s+user'?s?|user'?s?|their|his|her|your)\s+(user\s+|private\s+|personal\s+|recent\s+|other\s+|saved\s+|stored\s+)?(messages|conversations?|chats?|prompts?|emails|e-mails|inbox|mailbox|files|documents|contacts|calendar|notes|chat\s+history|browsing\s+history|credentials|passwords|api\s+keys?|keys|secrets|tokens|cookies|personal\s+(data|information|info|details)|private\s+(data|information|keys?|repos|repositories|messages)|address|phone\s+number|location|medical|financial|bank\s+details|card\s+(number|details)|ssn|social\s+security)\b"),
    s(Data, Anywhere, &["system prompt", "system message", "your instructions", "your rules", "your context", "your memory", "the instructions above", "hidden instructions", "initial prompt", "original prompt"],
        r"(system\s+(prompt|message)|your\s+(instructions|rules|context|memory)|the\s+instructions\s+above|hidden\s+instructions|initial\s+prompt|original\s+prompt)\b"),
    s(Data, Anywhere, &["api", "access", "auth", "bearer", "secret", "private key", "password", "passphrase", "credential", "seed", "mnemonic", "recovery", "session", "cookie", "ssh", "environment", "env", "aws", "github", "oauth", "refresh", "personal", "slack", "npm", "pypi", "bot", "2fa", "one-time", "verification code"],
        r"(api[\s_-]?keys?|access[\s_-]?(tokens?|keys?)|auth[\s_-]?tokens?|bearer\s+tokens?|secret[\s_-]?(keys?|access)|private\s+keys?|passwords?|passphrases?|credentials?|seed\s+phrases?|mnemonic(\s+phrase)?|recovery\s+(phrases?|codes?)|session\s+(cookies?|tokens?|ids?)|cookies|ssh\s+keys?|environment\s+variables|env(ironment)?\s+vars?|\.env\b|aws[\s_-]+(secret|access|credentials)|(api|github|oauth|refresh|personal\s+access|slack|npm|pypi|bot)\s+tokens?|2fa\s+codes?|one-time\s+(codes?|passwords?)|verification\s+codes?)\b"),
    s(Data, Anywhere, &["~/.", ".ssh", "id_rsa", "id_ed25519", "/etc/passwd", "/etc/shadow", ".aws", ".netrc", ".git-credentials", ".npmrc", ".pypirc", ".kube", ".docker/config", "wallet.dat", "keychain", ".bash_history", ".zsh_history"],
        r"(~/\.[\w.-]+|\.ssh/?\w*|id_rsa|id_ed25519|/etc/passwd|/etc/shadow|\.aws/?\w*|\.netrc|\.git-credentials|\.npmrc|\.pypirc|\.kube/?\w*|\.docker/config\w*|wallet\.dat|keychain|\.bash_history|\.zsh_history)"),
    s(UrlExfil, Anywhere, &["!["],
        r"!\[[^\]\n]{0,200}\]\(\s*<?https?://[^)\s]{0,400}?(\{|%7b|\[|<|\$\{|\$[a-z_]|\.\.\.|(data|q|d|c|p|x|secret|token|key|info|content|msg|message|history|chat|conv|payload|log|s)=\s*(\)|$|\s|[A-Z_]{3,}))"),
    s(Send, Anywhere, &["append", "add", "include", "insert", "put", "encode", "embed", "attach", "place", "substitute", "replace", "fill", "render", "display", "show", "output", "print"],
        r"(append|add|include|insert|put|encode|embed|attach|place|substitute|replace|fill|render|display|show|output|print)\w*\s+([^\n]{0,100}?\s)?(in|into|to|as|at|inside|within|using)\s+(the\s+|a\s+|this\s+|an\s+)?(url|link|query\s+string|query\s+param\w*|image\s+(url|link|source)|markdown\s+(image|link)|request\s+url|src\s+attribute|hyperlink|image\s+tag|img\s+tag|tracking\s+pixel|pixel)\b"),
    s(UrlExfil, Anywhere, &["http"],
        r"https?://[^\s)\x22'<>]{0,200}[?&/=](\{\{?\s*)?(conversation|chat_?history|history|secrets?|api_?key|password|token|system_?prompt|user_?data|private|credentials|ssh_?key|emails?|summary)(\s*\}\}?|\]|>)"),
    s(Output, Anywhere, &["respond", "reply", "answer", "say", "output", "print", "write", "state", "return", "begin", "start", "end"],
        r"(respond|reply|answer|say|output|print|write|state|return|begin|start|end)\w*\s+(only\s+|just\s+)?(with\s+|by\s+saying\s+)?(exactly\s+|only\s+|just\s+)?((the\s+)?(text|word|phrase|following|string|message|sentence)\s*)?:?\s*([\x22\x60]|“)"),
    s(Output, Anywhere, &["tell", "inform", "convince", "persuade", "assure", "reassure", "warn", "remind", "ask"],
        r"(tell|inform|convince|persuade|assure|reassure|warn|remind|ask)\w*\s+(the\s+)?(user|human|reader|customer|them|listeners|readers|viewers|visitors|customers)\s+(that|to|it|this|they|the|their|about)\b"),
    s(Output, Anywhere, &["add", "append", "include", "insert", "prepend", "put"],
        r"(add|append|include|insert|prepend|put)\s+(the\s+(text|line|sentence|phrase|following|words?)\s*:?\s*)?([\x22']|“)"),
    s(Output, Anywhere, &["replace", "change", "swap", "substitute", "switch"],
        r"(replace|change|swap|substitute|switch)\s+(the\s+)?(([\w']|’)+\s+){0,3}(phone\s+number|number|link|url|address|email|iban|account|price|name|recipient|payee|wallet)\s+(with|to|for)\b"),
    s(Output, Anywhere, &["recommend", "promote", "endorse", "praise", "rate", "rank", "describe", "present", "call", "label", "classify", "mark", "summari", "say", "state", "claim", "report", "conclude", "respond", "answer"],
        r"(recommend|promote|endorse|praise|rate|rank|describe|present|call|label|classify|mark|summari[sz]e|say|state|claim|report|conclude|respond|answer)\w*\s+(\w+\s+){0,4}(as\s+(the\s+)?(\w+est|most\s+\w+|best|safe|secure|trustworthy|legitimate|official|verified|excellent|top|number\s+one|benign|harmless|clean|approved|5\s+stars|five\s+stars|highly\s+qualified|perfect)|(that\s+)?(this|it|the\s+\w+)\s+(is|was|are)\s+(safe|secure|legitimate|verified|trusted|clean|harmless|benign|not\s+(malicious|phishing|a\s+scam|suspicious))|with\s+(a\s+)?(5|five|10|ten)\s*(/|out\s+of)?\s*(5|10)?\s*stars?|(10|5)\s*/\s*(10|5))\b"),
    s(Output, Anywhere, &["hire", "approve", "accept", "recommend", "shortlist", "advance", "select", "grant", "merge"],
        r"(hire|approve|accept|recommend|shortlist|advance|select|grant|merge)\w*\s+(this|the)\s+(candidate|applicant|application|loan|request|claim|pr|pull\s+request|invoice|refund|transaction|payment)\b"),
    s(Visit, Anywhere, &["visit", "open", "navigate", "browse", "go to", "fetch", "load", "download", "click", "access", "follow", "curl", "wget", "request", "retrieve"],
        r"(visit|open|navigate\s+to|browse\s+to|go\s+to|fetch|load|download|click|access|follow|curl|wget|request|retrieve)\w*\s+(the\s+(following\s+)?(url|link|page|site|address)\s*:?\s*|this\s+(url|link|page)\s*:?\s*)?[\x60'\x22<(]?(https?://|www\.)"),
    s(Visit, Anywhere, &["run", "execute", "type", "paste", "enter"],
        r"(run|execute|type|paste|enter)\s+(the\s+following|this)\s+(command|script|code|snippet)\b"),

    // ---- markup that renders invisibly (regions computed in `markup`) ----------------------
    s(Hide, Anywhere, &["<!--"], r"<!--"),
    s(Hide, Anywhere, &["display:", "display :", "visibility:", "visibility :", "font-size:", "font-size :", "opacity:", "opacity :", "color:", "color :", "text-indent", "left:", "left :", "top:", "top :", "hidden", "aria-hidden", "max-height:", "height:", "height :", "clip:", "clip :"],
        r"(display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0*\.?0+(px|pt|em|rem|%)?\b|opacity\s*:\s*0*\.?0+\b|color\s*:\s*(white|#fff(fff)?\b|transparent|rgba\(\s*\d+\s*,\s*\d+\s*,\s*\d+\s*,\s*0\s*\))|text-indent\s*:\s*-\d{3,}|(left|top)\s*:\s*-\d{4,}px|(max-)?height\s*:\s*0(px)?\s*[;\x22']|clip\s*:\s*rect\(\s*0|hidden|aria-hidden\s*=\s*[\x22']true)"),
    s(Hide, LineStart, &["[//]:", "[comment]:", "[_]:", "[hidden]:"], r"\[(//|comment|_|hidden)\]:"),

    // ---- text about injection ---------------------------------------------------------------
    s(Discuss, Anywhere, &["prompt injection", "prompt-injection", "injection", "jailbreak", "attacker", "adversar", "malicious", "poison", "red team", "red-team", "exploit", "payload", "threat model", "mitigat", "untrusted", "phishing", "indirect"],
        r"(prompt[\s-]injections?|injections?|jailbreak\w*|attackers?|adversar\w*|malicious|poison\w*|red[\s-]team\w*|exploit\w*|payloads?|threat\s+models?|mitigat\w*|untrusted|phishing|indirect)\b"),
];
