//! The rule table: every credential format the scanner knows, with its stable id, a description,
//! the literal anchors that feed the Aho-Corasick prefilter and, for token formats, the pattern
//! checked around each anchor hit and the verification applied to a match.
//!
//! Adding a format is one row here plus a case in `tests/secrets.rs`. Ids are stable: policies,
//! audit records and redaction markers (`[REDACTED:<id>]`) refer to them.

/// How sure a match of the rule is to be a live credential.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Confidence {
    /// Heuristic: a secret-looking value under a secret-looking name, or a test-mode key.
    Low,
    /// Needs surrounding context (a keyword, a URL scheme) besides the value's shape.
    Medium,
    /// A vendor prefix and exact shape, often a checksum.
    High,
}

/// One rule as listed by [`super::rules`]: for documentation, messages and policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    /// Stable id, used in `[REDACTED:<id>]` markers.
    pub id: &'static str,
    /// What the rule matches.
    pub description: &'static str,
    /// How a match is verified beyond its shape (empty when it is not).
    pub verification: &'static str,
    /// How sure a match is.
    pub confidence: Confidence,
}

/// Post-match verification of a token rule.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Check {
    /// Shape only.
    None,
    /// Last six chars = base62(CRC32(body after the prefix)); sets `verified`.
    Crc32Base62(usize),
    /// Header is JSON with `alg` (else no match); verified when the payload is JSON too.
    Jwt,
    /// Decodes from base64 to exactly this many bytes; sets `verified`.
    Base64Len(usize),
    /// The first segment decodes to a numeric snowflake id (else no match).
    DiscordId,
    /// Verified when the key contains the `T3BlbkFJ` ("OpenAI" in base64) marker.
    OpenAiMarker,
    /// Verified when the body after `pypi-` decodes as base64url.
    Base64Body(usize),
    /// bech32 checksum (else no match).
    Bech32,
    /// Shannon entropy of the secret at least this many bits per byte (else no match).
    Entropy(f64),
    /// An Azure SAS `sig=` only counts next to a `sv=` (service version) parameter.
    SasContext,
}

/// A token rule: a pattern tried around each of its anchors.
pub(crate) struct Pattern {
    pub info: RuleInfo,
    /// Literal anchors; a leading `~` makes an anchor match in any ASCII case.
    pub anchors: &'static [&'static str],
    /// How far before the anchor the secret may start (0: it starts at the anchor).
    pub back: usize,
    /// The longest match to look for after the anchor.
    pub max_len: usize,
    /// Regex (ASCII, no Unicode classes). A group named `s` marks the secret inside the match.
    pub regex: &'static str,
    pub check: Check,
}

const fn info(
    id: &'static str,
    description: &'static str,
    verification: &'static str,
    confidence: Confidence,
) -> RuleInfo {
    RuleInfo {
        id,
        description,
        verification,
        confidence,
    }
}

use Confidence::{High, Low, Medium};

const CRC: &str = "CRC32 of the random part in the last 6 base62 characters";

macro_rules! pat {
    ($id:literal, $desc:literal, $ver:expr, $conf:expr, [$($a:literal),+], $back:literal, $max:literal, $re:literal, $check:expr) => {
        Pattern {
            info: info($id, $desc, $ver, $conf),
            anchors: &[$($a),+],
            back: $back,
            max_len: $max,
            regex: $re,
            check: $check,
        }
    };
}

/// Token formats recognised by a literal anchor and a pattern.
pub(crate) static PATTERNS: &[Pattern] = &[
    pat!("aws-access-key", "AWS access key id (AKIA long-term, ASIA temporary, ABIA/ACCA)", "", High,
        ["AKIA", "ASIA", "ABIA", "ACCA"], 0, 20, r"(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}", Check::None),
    pat!("aws-secret-key", "AWS secret access key (40 base64 chars) assigned to an aws_secret_access_key-like name", "entropy >= 3.5 bits/char", Medium,
        ["~aws_secret", "~aws-secret", "~awssecret", "~secret_access_key", "~secretaccesskey", "~secret-access-key"], 8, 120,
        r#"(?i:aws[_-]?secret(?:[_-]?access)?[_-]?key|secret[_-]?access[_-]?key)\\?["']?[ \t]*(?:=|:=|=>|:)[ \t]*\\?["']?(?P<s>[A-Za-z0-9/+]{40})"#,
        Check::Entropy(3.5)),
    pat!("aws-session-token", "AWS STS session token (base64 starting with the FwoGZXIvYXdz / IQoJb3JpZ2lu header)", "", High,
        ["FwoGZXIvYXdz", "IQoJb3JpZ2lu"], 0, 4096, r"(?:FwoGZXIvYXdz|IQoJb3JpZ2lu)[A-Za-z0-9/+]{100,}={0,2}", Check::None),
    pat!("google-api-key", "Google API key (AIza…, also Firebase and Gemini)", "", High,
        ["AIza"], 0, 39, r"AIza[0-9A-Za-z_-]{35}", Check::None),
    pat!("google-oauth-client-secret", "Google OAuth client secret (GOCSPX-…)", "", High,
        ["GOCSPX-"], 0, 35, r"GOCSPX-[0-9A-Za-z_-]{28}", Check::None),
    pat!("google-oauth-token", "Google OAuth access token (ya29.…) or refresh token (1//0…)", "", High,
        ["ya29.", "1//0"], 0, 2048, r"ya29\.[0-9A-Za-z_-]{30,}|1//0[0-9A-Za-z_-]{40,}", Check::None),
    pat!("azure-account-key", "Azure storage account key (AccountKey=…, 64 bytes in base64) in a connection string", "decodes to 64 bytes", High,
        ["~AccountKey="], 0, 100, r"(?i:AccountKey)=(?P<s>[A-Za-z0-9+/]{86}==)", Check::Base64Len(64)),
    pat!("azure-shared-access-key", "Azure Service Bus / Event Hubs / IoT SharedAccessKey=… (32 bytes in base64)", "decodes to 32 bytes", High,
        ["~SharedAccessKey="], 0, 70, r"(?i:SharedAccessKey)=(?P<s>[A-Za-z0-9+/]{43}=)", Check::Base64Len(32)),
    pat!("azure-sas-signature", "Azure SAS token signature (sig=… next to sv=…)", "a `sv=` parameter within 512 bytes before", Medium,
        ["sig="], 1, 200, r"[?&;]sig=(?P<s>[A-Za-z0-9%+/]{40,}(?:%3[Dd]|=){0,2})", Check::SasContext),
    pat!("azure-ad-client-secret", "Microsoft Entra ID (Azure AD) client secret (…Q~…)", "", High,
        ["Q~"], 4, 40, r"[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}", Check::None),
    pat!("github-token", "GitHub token: classic PAT ghp_, OAuth gho_, user-to-server ghu_, server-to-server ghs_, refresh ghr_; fine-grained github_pat_", CRC, High,
        ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], 0, 40, r"gh[pousr]_[0-9A-Za-z]{36}", Check::Crc32Base62(4)),
    pat!("github-token", "", "", High,
        ["github_pat_"], 0, 93, r"github_pat_[0-9A-Za-z]{22}_[0-9A-Za-z]{59}", Check::None),
    pat!("gitlab-token", "GitLab token (glpat- personal/project/group, gldt- deploy, glrt- runner, glptt- trigger, …)", "", High,
        ["glpat-", "gldt-", "glrt-", "glptt-", "glcbt-", "glsoat-", "glimt-", "glagent-", "glft-", "gloas-"], 0, 200,
        r"gl(?:pat|dt|rt|ptt|cbt|soat|imt|agent|ft|oas)-[0-9A-Za-z_-]{20,}(?:\.[0-9a-z]{2}\.[0-9a-z]{7,9})?", Check::None),
    pat!("slack-token", "Slack token (xoxb- bot, xoxp- user, xoxa-/xoxo-/xoxs-/xoxr-/xoxe-, xapp- app-level)", "", High,
        ["xoxb-", "xoxp-", "xoxa-", "xoxo-", "xoxs-", "xoxr-", "xoxe-", "xoxe.", "xapp-"], 0, 300,
        r"xox[abposr]-[0-9]{4,}-[0-9A-Za-z-]{8,}|xoxe\.xox[bp]-[0-9]-[0-9A-Za-z-]{20,}|xoxe-[0-9]-[0-9A-Za-z-]{20,}|xapp-[0-9]-[0-9A-Za-z]{6,}-[0-9]{6,}-[0-9a-z]{20,}",
        Check::None),
    pat!("slack-webhook", "Slack incoming webhook / workflow trigger URL", "", High,
        ["hooks.slack.com/"], 8, 160, r"(?:https?://)?hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_-]{20,}", Check::None),
    pat!("stripe-key", "Stripe live secret or restricted key (sk_live_, rk_live_)", "", High,
        ["sk_live_", "rk_live_"], 0, 200, r"[sr]k_live_[0-9A-Za-z]{20,}", Check::None),
    pat!("stripe-test-key", "Stripe test-mode secret or restricted key (sk_test_, rk_test_): no money moves, but it reads the account's test data", "", Low,
        ["sk_test_", "rk_test_"], 0, 200, r"[sr]k_test_[0-9A-Za-z]{20,}", Check::None),
    pat!("stripe-webhook-secret", "Stripe webhook signing secret (whsec_)", "", High,
        ["whsec_"], 0, 100, r"whsec_[0-9A-Za-z+/=]{32,}", Check::None),
    pat!("openai-api-key", "OpenAI API key (sk-proj-, sk-svcacct-, sk-admin-, legacy sk-…T3BlbkFJ…)", "contains the T3BlbkFJ marker", High,
        ["sk-proj-", "sk-svcacct-", "sk-admin-", "sk-None-", "T3BlbkFJ"], 100, 300,
        r"sk-(?:proj|svcacct|admin|None)-[0-9A-Za-z_-]{40,}|sk-[0-9A-Za-z_-]{0,90}T3BlbkFJ[0-9A-Za-z_-]{16,}", Check::OpenAiMarker),
    pat!("anthropic-api-key", "Anthropic API or admin key (sk-ant-api03-…, sk-ant-admin01-…)", "", High,
        ["sk-ant-"], 0, 200, r"sk-ant-[a-z]{2,8}[0-9]{2}-[0-9A-Za-z_-]{32,}", Check::None),
    pat!("npm-token", "npm access token (npm_)", CRC, High,
        ["npm_"], 0, 40, r"npm_[0-9A-Za-z]{36}", Check::Crc32Base62(4)),
    pat!("pypi-token", "PyPI / TestPyPI API token (a macaroon for pypi.org: pypi-AgEIcHlwaS5vcmc…)", "body decodes as base64url", High,
        ["pypi-AgEIcHlwaS5vcmc", "pypi-AgENdGVzdC5weXBpLm9yZw"], 0, 1024, r"pypi-AgE[IN][0-9A-Za-z_-]{50,}", Check::Base64Body(5)),
    pat!("twilio-api-key", "Twilio API key SID (SK + 32 hex)", "", Medium,
        ["SK"], 0, 34, r"SK[0-9a-f]{32}", Check::Entropy(3.0)),
    pat!("twilio-auth-token", "Twilio auth token (32 hex) assigned to a twilio…token name", "", Medium,
        ["~twilio"], 0, 120, r#"(?i:twilio)[A-Za-z_-]{0,20}(?i:token)\\?["']?[ \t]*(?:=|:=|=>|:)[ \t]*\\?["']?(?P<s>[0-9a-f]{32})"#, Check::Entropy(3.0)),
    pat!("sendgrid-api-key", "SendGrid API key (SG.<22>.<43>)", "", High,
        ["SG."], 0, 69, r"SG\.[0-9A-Za-z_-]{22}\.[0-9A-Za-z_-]{43}", Check::None),
    pat!("discord-bot-token", "Discord bot token (base64 user id . timestamp . HMAC)", "first segment decodes to a numeric user id", High,
        ["MT", "Mj", "Mz", "ND", "NT", "Nj", "Nz", "OD", "OT"], 0, 80,
        r"[MNO][0-9A-Za-z_-]{23,27}\.[0-9A-Za-z_-]{6}\.[0-9A-Za-z_-]{27,40}", Check::DiscordId),
    pat!("discord-webhook", "Discord webhook URL", "", High,
        ["discord.com/api/webhooks/", "discordapp.com/api/webhooks/"], 8, 200,
        r"(?:https?://)?(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/[0-9A-Za-z_-]{60,68}", Check::None),
    pat!("telegram-bot-token", "Telegram bot token (<bot id>:AA…)", "", High,
        [":AA"], 12, 40, r"[0-9]{8,10}:AA[0-9A-Za-z_-]{33}", Check::None),
    pat!("mailgun-api-key", "Mailgun API key (key- + 32 hex)", "", High,
        ["key-"], 0, 36, r"key-[0-9a-f]{32}", Check::Entropy(3.0)),
    pat!("shopify-token", "Shopify access token or shared secret (shpat_, shpca_, shppa_, shpss_)", "", High,
        ["shpat_", "shpca_", "shppa_", "shpss_"], 0, 38, r"shp(?:at|ca|pa|ss)_[0-9a-fA-F]{32}", Check::None),
    pat!("vault-token", "HashiCorp Vault token (hvs. service, hvb. batch, hvr. recovery)", "", High,
        ["hvs.", "hvb.", "hvr."], 0, 400, r"hv[sbr]\.[0-9A-Za-z_-]{24,}", Check::None),
    pat!("digitalocean-token", "DigitalOcean token (dop_v1_ personal, doo_v1_ OAuth, dor_v1_ refresh)", "", High,
        ["dop_v1_", "doo_v1_", "dor_v1_"], 0, 71, r"do[por]_v1_[0-9a-f]{64}", Check::None),
    pat!("jwt", "JSON Web Token (three base64url segments; the header decodes to JSON with `alg`)", "header has `alg`; verified when the payload is JSON too", Medium,
        ["eyJ"], 0, 16384, r"eyJ[0-9A-Za-z_-]{8,}\.[0-9A-Za-z_-]{8,}\.[0-9A-Za-z_-]{16,}", Check::Jwt),
    pat!("huggingface-token", "Hugging Face access token (hf_)", "", High,
        ["hf_"], 0, 37, r"hf_[0-9A-Za-z]{34}", Check::Entropy(3.5)),
    pat!("groq-api-key", "Groq API key (gsk_)", "", High, ["gsk_"], 0, 56, r"gsk_[0-9A-Za-z]{52}", Check::None),
    pat!("xai-api-key", "xAI API key (xai-)", "", High, ["xai-"], 0, 84, r"xai-[0-9A-Za-z]{80}", Check::None),
    pat!("perplexity-api-key", "Perplexity API key (pplx-)", "", High, ["pplx-"], 0, 53, r"pplx-[0-9A-Za-z]{48}", Check::None),
    pat!("replicate-api-token", "Replicate API token (r8_)", "", High, ["r8_"], 0, 40, r"r8_[0-9A-Za-z]{37}", Check::None),
    pat!("age-secret-key", "age encryption secret key (AGE-SECRET-KEY-1…)", "bech32 checksum", High,
        ["AGE-SECRET-KEY-1"], 0, 74, r"AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}", Check::Bech32),
    pat!("atlassian-api-token", "Atlassian (Jira, Confluence) API token (ATATT3…)", "", High,
        ["ATATT3"], 0, 200, r"ATATT3[0-9A-Za-z_=-]{150,}", Check::None),
    pat!("linear-api-key", "Linear API key (lin_api_)", "", High, ["lin_api_"], 0, 48, r"lin_api_[0-9A-Za-z]{40}", Check::None),
    pat!("notion-token", "Notion integration token (ntn_)", "", High, ["ntn_"], 0, 50, r"ntn_[0-9]{11}[0-9A-Za-z]{35}", Check::None),
    pat!("postman-api-key", "Postman API key (PMAK-)", "", High, ["PMAK-"], 0, 64, r"PMAK-[0-9a-f]{24}-[0-9a-f]{34}", Check::None),
    pat!("sentry-token", "Sentry auth token (sntrys_, sntryu_)", "", High,
        ["sntrys_", "sntryu_"], 0, 400, r"sntrys_eyJ[0-9A-Za-z+/=_-]{50,}|sntryu_[0-9a-f]{64}", Check::None),
    pat!("grafana-token", "Grafana service-account token (glsa_) or Grafana Cloud token (glc_)", "", High,
        ["glsa_", "glc_"], 0, 400, r"glsa_[0-9A-Za-z]{32}_[0-9a-f]{8}|glc_[0-9A-Za-z+/]{32,}={0,2}", Check::None),
    pat!("databricks-token", "Databricks personal access token (dapi + 32 hex)", "", High,
        ["dapi"], 0, 38, r"dapi[0-9a-f]{32}(?:-[0-9])?", Check::Entropy(3.0)),
    pat!("newrelic-api-key", "New Relic user API key (NRAK-)", "", High, ["NRAK-"], 0, 32, r"NRAK-[0-9A-Z]{27}", Check::None),
    pat!("planetscale-token", "PlanetScale token or password (pscale_tkn_, pscale_pw_, pscale_oauth_)", "", High,
        ["pscale_tkn_", "pscale_pw_", "pscale_oauth_"], 0, 120, r"pscale_(?:tkn|pw|oauth)_[0-9A-Za-z_.-]{32,}", Check::None),
    pat!("tailscale-key", "Tailscale auth or API key (tskey-)", "", High,
        ["tskey-"], 0, 120, r"tskey-[a-z]+-[0-9A-Za-z]{8,}-[0-9A-Za-z]{20,}", Check::None),
    pat!("doppler-token", "Doppler token (dp.pt., dp.st., dp.sa., dp.ct., …)", "", High,
        ["dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim.", "dp.audit."], 0, 80, r"dp\.(?:pt|st|sa|ct|scim|audit)\.[0-9A-Za-z]{40,}", Check::None),
    pat!("pulumi-token", "Pulumi access token (pul-)", "", High, ["pul-"], 0, 44, r"pul-[0-9a-f]{40}", Check::None),
    pat!("supabase-token", "Supabase personal access token (sbp_)", "", High, ["sbp_"], 0, 44, r"sbp_[0-9a-f]{40}", Check::None),
    pat!("square-token", "Square access token or OAuth secret (sq0atp-, sq0csp-)", "", High,
        ["sq0atp-", "sq0csp-"], 0, 60, r"sq0(?:atp|csp)-[0-9A-Za-z_-]{22,43}", Check::None),
    pat!("dockerhub-token", "Docker Hub personal access token (dckr_pat_)", "", High,
        ["dckr_pat_"], 0, 40, r"dckr_pat_[0-9A-Za-z_-]{27}", Check::None),
    pat!("password-hash", "crypt(3) password hash as in /etc/shadow ($1$, $5$, $6$, $y$, $2b$ bcrypt)", "", Medium,
        ["$1$", "$5$", "$6$", "$y$", "$2a$", "$2b$", "$2y$"], 0, 200,
        r"\$(?:1|5|6)\$(?:rounds=[0-9]+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{22,86}|\$y\$[./A-Za-z0-9]+\$[./A-Za-z0-9]{8,}\$[./A-Za-z0-9]{43}|\$2[aby]\$[0-9]{2}\$[./A-Za-z0-9]{53}",
        Check::None),
];

/// Rules implemented by hand (see `special.rs` and `keyword.rs`), listed for documentation.
pub(crate) static SPECIAL: &[RuleInfo] = &[
    info("private-key", "PEM private key block (-----BEGIN [RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP] PRIVATE KEY[ BLOCK]----- … END), raw or with newlines escaped as \\n; one match for the whole block",
        "the matching END line was found (an unterminated block still matches, unverified)", High),
    info("gcp-service-account-key", "the private_key of a Google Cloud service-account JSON (a PEM block next to \"type\": \"service_account\")",
        "as private-key", High),
    info("database-url", "password in a database or broker URL (postgres, mysql, mongodb(+srv), redis, amqp, mssql, …://user:PASSWORD@host); only the password is redacted",
        "", Medium),
    info("url-basic-auth", "password in any other URL's user-info (https://user:PASSWORD@host); only the password is redacted", "", Medium),
    info("authorization-header", "credentials of an Authorization header or field (Bearer/Basic/token …)", "Basic: decodes to user:password", Medium),
    info("generic-secret", "a value with enough length, character mix and entropy assigned to a secret-like name (password, secret, token, api_key, …) with =, :, => or as a JSON member; placeholders excluded",
        "", Low),
];
