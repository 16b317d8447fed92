//! The participants' pages and the facilitator's projected page: plain HTML forms that work
//! without JavaScript, one small inline style sheet, and one small script that reloads the page
//! when the facilitator moves on. Nothing is fetched from anywhere else.
//!
//! Every text from a participant or a questionnaire file is escaped here; the Content-Security-
//! Policy the server sends allows only the style and script carrying the response's nonce.

use std::fmt::Write as _;

use super::state::{Now, Pace, Room};
use crate::answers::Answer;
use crate::i18n::{fill, tr};
use crate::scoring::RoundFigures;

/// The style sheet of every page: readable at 360 px, large touch targets, visible focus.
const CSS: &str = include_str!("room.css");

/// Reloads the page when `/state` says that what it shows has changed (the facilitator moved
/// on, revealed, started a round). It waits while a note is being typed.
const SCRIPT: &str = r"(function(){
var b=document.body,v=b.getAttribute('data-version');
if(!v||!window.fetch){return;}
function again(){setTimeout(poll,2000);}
function poll(){
 var a=document.activeElement;
 if(a&&a.tagName==='TEXTAREA'&&a.value){again();return;}
 fetch('/state',{cache:'no-store',credentials:'same-origin'})
 .then(function(r){return r.ok?r.json():null;})
 .then(function(s){if(s&&String(s.version)!==v){location.replace(location.pathname);}else{again();}})
 .catch(again);
}
again();
})();";

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

/// A whole page around `body`.
fn page(lang: &str, title: &str, nonce: &str, version: Option<&str>, body: &str) -> String {
    let version = version.map_or_else(String::new, |v| format!(" data-version=\"{}\"", escape(v)));
    let script = if version.is_empty() {
        String::new()
    } else {
        format!("<script nonce=\"{nonce}\">{SCRIPT}</script>")
    };
    format!(
        "<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"referrer\" content=\"no-referrer\"><link rel=\"icon\" href=\"data:,\">\
         <title>{title}</title><style nonce=\"{nonce}\">{CSS}</style></head>\
         <body{version}><main>{body}</main>{script}</body></html>\n",
        lang = escape(lang),
        title = escape(title),
    )
}

/// The language picker: the questionnaire's languages, each named in itself.
fn language_picker(room: &Room, lang: &str, action: &str, hidden: &str) -> String {
    if room.q.languages.len() < 2 {
        return String::new();
    }
    let mut options = String::new();
    for code in &room.q.languages {
        let selected = if code == lang { " selected" } else { "" };
        let _ = write!(
            options,
            "<option value=\"{c}\"{selected}>{name}</option>",
            c = escape(code),
            name = escape(language_name(code)),
        );
    }
    format!(
        "<form class=\"lang\" method=\"post\" action=\"{action}\">{hidden}\
         <label for=\"lang\">{label}</label> <select id=\"lang\" name=\"lang\">{options}</select> \
         <button type=\"submit\">{go}</button></form>",
        label = escape(tr(lang, "Language")),
        go = escape(tr(lang, "Switch language")),
    )
}

/// A language's name in that language.
fn language_name(code: &str) -> &str {
    match code {
        "en" => "English",
        "fr" => "Français",
        "nl" => "Nederlands",
        "it" => "Italiano",
        "zh" => "中文",
        "de" => "Deutsch",
        "es" => "Español",
        "pt" => "Português",
        other => other,
    }
}

/// What went wrong on the join page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinProblem {
    WrongCode,
    TooManyTries,
    Full,
    Ended,
    NameNeeded,
}

/// The join page: the code (filled in from the QR code's address), a name unless the room is
/// anonymous, and the language.
pub fn join(
    room: &Room,
    lang: &str,
    code: &str,
    problem: Option<JoinProblem>,
    nonce: &str,
) -> String {
    let q = &room.q;
    let title = q.tr(&q.title, lang);
    let mut body = format!("<h1>{}</h1>", escape(title));
    if let Some(problem) = problem {
        let text = match problem {
            JoinProblem::WrongCode => tr(
                lang,
                "That is not this room's code. Check the code on the screen and try again.",
            ),
            JoinProblem::TooManyTries => tr(
                lang,
                "Too many wrong codes from this device. Wait a minute, then try again.",
            ),
            JoinProblem::Full => tr(lang, "The room is full."),
            JoinProblem::Ended => tr(lang, "This session has ended."),
            JoinProblem::NameNeeded => tr(lang, "Please give your name."),
        };
        let _ = write!(
            body,
            "<p class=\"problem\" role=\"alert\">{}</p>",
            escape(text)
        );
    }
    let _ = write!(
        body,
        "<form method=\"post\" action=\"/join\">\
         <input type=\"hidden\" name=\"lang\" value=\"{lang_value}\">\
         <p><label for=\"code\">{code_label}</label>\
         <input id=\"code\" name=\"code\" value=\"{code}\" autocomplete=\"off\" autocapitalize=\"characters\" \
         spellcheck=\"false\" maxlength=\"20\" required></p>",
        lang_value = escape(lang),
        code_label = escape(tr(lang, "Join code (shown on the screen)")),
        code = escape(code),
    );
    if room.settings.anonymous {
        let _ = write!(
            body,
            "<p>{}</p>",
            escape(tr(
                lang,
                "This room is anonymous: no name is asked or kept."
            ))
        );
    } else {
        let _ = write!(
            body,
            "<p><label for=\"name\">{label}</label>\
             <input id=\"name\" name=\"name\" autocomplete=\"name\" maxlength=\"60\" required></p>",
            label = escape(tr(lang, "Your name")),
        );
    }
    let _ = write!(
        body,
        "<p><button type=\"submit\" class=\"primary\">{}</button></p></form>",
        escape(tr(lang, "Join"))
    );
    body.push_str(&language_picker(
        room,
        lang,
        "/",
        &format!(
            "<input type=\"hidden\" name=\"code\" value=\"{}\">",
            escape(code)
        ),
    ));
    page(lang, title, nonce, None, &body)
}

/// The distribution of a round's answers to an item as a table with bars.
fn distribution(
    room: &Room,
    (item, round): (usize, u8),
    figures: &RoundFigures,
    caption: &str,
    lang: &str,
) -> String {
    let q = &room.q;
    if !room.showable(figures) {
        return format!(
            "<p class=\"note\">{}</p>",
            escape(&fill(
                lang,
                "Fewer than {n} answers: the room's answers are not shown, so that no one's vote can be read off them.",
                &[("n", &room.settings.min_group.to_string())],
            ))
        );
    }
    let scale = q.scale_of(&q.questions[item]);
    let mut options: Vec<(f64, String)> = scale
        .options
        .iter()
        .map(|o| (o.value, q.tr(&o.label, lang).to_owned()))
        .collect();
    options.sort_by(|a, b| a.0.total_cmp(&b.0));
    // "Don't know" is counted with "not applicable" in the figures (neither is a position on
    // the scale); each is shown as it was given.
    let dont_know = room.dont_know(item, round);
    let not_applicable = figures.not_applicable.saturating_sub(dont_know);
    let most = figures
        .counts
        .iter()
        .copied()
        .chain([dont_know, not_applicable])
        .max()
        .unwrap_or(0)
        .max(1);
    let mut rows = String::new();
    let mut row = |label: &str, count: usize| {
        #[allow(clippy::cast_precision_loss)]
        let width = count as f64 * 100.0 / most as f64;
        let _ = write!(
            rows,
            "<tr><th scope=\"row\">{label}</th><td class=\"n\">{count}</td>\
             <td class=\"barcell\"><svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" \
             aria-hidden=\"true\" focusable=\"false\"><rect width=\"{width:.1}\" height=\"10\"/></svg></td></tr>",
            label = escape(label),
        );
    };
    for ((_, label), &count) in options.iter().zip(&figures.counts) {
        row(label, count);
    }
    if let Some(dk) = &scale.dont_know {
        row(q.tr(dk, lang), dont_know);
    }
    if let Some(na) = &scale.not_applicable {
        row(q.tr(na, lang), not_applicable);
    }
    format!(
        "<table class=\"dist\"><caption>{caption}</caption><thead><tr><th scope=\"col\">{answer}</th>\
         <th scope=\"col\" class=\"n\">{count}</th><th scope=\"col\"><span class=\"sr\">{bar}</span></th></tr></thead>\
         <tbody>{rows}</tbody></table>",
        caption = escape(caption),
        answer = escape(tr(lang, "Answer")),
        count = escape(tr(lang, "People")),
        bar = escape(tr(lang, "Bar")),
    )
}

/// The label of an answer on its item's scale.
fn answer_label(room: &Room, item: usize, answer: Answer, lang: &str) -> String {
    let q = &room.q;
    let scale = q.scale_of(&q.questions[item]);
    match answer {
        Answer::Value(v) => scale
            .option(v)
            .map_or_else(|| v.to_string(), |o| q.tr(&o.label, lang).to_owned()),
        Answer::NotApplicable => scale
            .not_applicable
            .as_ref()
            .map_or_else(|| "n/a".to_owned(), |t| q.tr(t, lang).to_owned()),
        Answer::DontKnow => scale
            .dont_know
            .as_ref()
            .map_or_else(|| "dk".to_owned(), |t| q.tr(t, lang).to_owned()),
    }
}

/// A participant's page: the question asked now, their answer, and after a reveal the room's.
pub fn question(
    room: &Room,
    p: usize,
    position: Option<usize>,
    nonce: &str,
    saved: bool,
) -> String {
    let q = &room.q;
    let Some(part) = room.participants.get(p) else {
        return not_found("en", nonce);
    };
    let lang = part.lang.as_str();
    let title = q.tr(&q.title, lang);
    let version = room.version.to_string();
    let mut body = format!(
        "<p class=\"who\">{}</p>",
        escape(&fill(
            lang,
            "{title} - {name}",
            &[("title", title), ("name", &part.name)]
        ))
    );
    match room.now(p, position) {
        Now::Ended => {
            let _ = write!(
                body,
                "<h1>{}</h1><p>{}</p>",
                escape(tr(lang, "Thank you")),
                escape(tr(lang, "The session has ended. Your answers are saved."))
            );
        }
        Now::Waiting => {
            let _ = write!(
                body,
                "<h1>{}</h1><p>{}</p>",
                escape(tr(lang, "All done for now")),
                escape(tr(
                    lang,
                    "You have answered every question of this round. Your answers are saved; the facilitator will tell the room what comes next."
                ))
            );
            if room.settings.pace == Pace::SelfPaced {
                let _ = write!(
                    body,
                    "<p><a href=\"/q?n=0\">{}</a></p>",
                    escape(tr(lang, "Review my answers"))
                );
            }
        }
        Now::Asking {
            item,
            round,
            position,
            of,
            current,
            revealed,
        } => {
            let question = &q.questions[item];
            let progress = if round == 2 {
                fill(
                    lang,
                    "Second round: question {k} of {n}",
                    &[("k", &(position + 1).to_string()), ("n", &of.to_string())],
                )
            } else {
                fill(
                    lang,
                    "Question {k} of {n}",
                    &[("k", &(position + 1).to_string()), ("n", &of.to_string())],
                )
            };
            let mut context = Vec::new();
            if let Some(s) = question.stage {
                context.push(q.tr(&q.stages[s].name, lang).to_owned());
            }
            if let Some(d) = question.dimension {
                context.push(q.tr(&q.dimensions[d].name, lang).to_owned());
            }
            let _ = write!(body, "<p class=\"progress\">{}", escape(&progress));
            if !context.is_empty() {
                let _ = write!(
                    body,
                    " <span class=\"context\">({})</span>",
                    escape(&context.join(", "))
                );
            }
            body.push_str("</p>");
            let statement = q.tr(&question.text, lang);
            let _ = write!(body, "<h1 id=\"statement\">{}</h1>", escape(statement));
            if let Some(help) = &question.help {
                let _ = write!(
                    body,
                    "<details><summary>{}</summary><p>{}</p></details>",
                    escape(tr(lang, "More about this statement")),
                    escape(q.tr(help, lang))
                );
            }
            if saved {
                body.push_str(&format!(
                    "<p class=\"saved\" role=\"status\">{}</p>",
                    escape(tr(lang, "Saved."))
                ));
            }
            if round == 2 && room.reveals(item, 1) {
                body.push_str(&distribution(
                    room,
                    (item, 1),
                    &room.distribution(item, 1),
                    tr(lang, "The room's answers in the first round"),
                    lang,
                ));
            }
            let open = !revealed;
            if open {
                let next = (room.settings.pace == Pace::SelfPaced && position + 1 < of)
                    .then_some(position + 1);
                body.push_str(&answer_form(room, p, (item, round, next), current, lang));
            } else {
                let mine = current.map_or_else(
                    || tr(lang, "You did not answer this question.").to_owned(),
                    |a| {
                        fill(
                            lang,
                            "Your answer: {answer}",
                            &[("answer", &answer_label(room, item, a, lang))],
                        )
                    },
                );
                let _ = write!(
                    body,
                    "<p>{}</p><p class=\"note\">{}</p>",
                    escape(&mine),
                    escape(tr(lang, "Voting on this question is closed."))
                );
            }
            if room.reveals(item, round) {
                let caption = if round == 2 {
                    tr(lang, "The room's answers in the second round")
                } else {
                    tr(lang, "The room's answers")
                };
                body.push_str(&distribution(
                    room,
                    (item, round),
                    &room.distribution(item, round),
                    caption,
                    lang,
                ));
            } else if room.settings.pace == Pace::Facilitator && current.is_some() {
                let _ = write!(
                    body,
                    "<p class=\"note\">{}</p>",
                    escape(tr(
                        lang,
                        "The room's answers are shown once everyone has voted or the facilitator reveals them. You can change your answer until then."
                    ))
                );
            }
            if room.settings.pace == Pace::SelfPaced {
                body.push_str("<nav class=\"steps\">");
                if position > 0 {
                    let _ = write!(
                        body,
                        "<a href=\"/q?n={}\">{}</a>",
                        position - 1,
                        escape(tr(lang, "Previous question"))
                    );
                }
                if position + 1 < of {
                    let _ = write!(
                        body,
                        "<a href=\"/q?n={}\">{}</a>",
                        position + 1,
                        escape(tr(lang, "Next question"))
                    );
                }
                body.push_str("</nav>");
            }
        }
    }
    body.push_str(&language_picker(room, lang, "/lang", ""));
    page(lang, title, nonce, Some(&version), &body)
}

/// The form of one question: a radio button per option, the not-applicable answer when the
/// scale has one, an optional note, and a button.
fn answer_form(
    room: &Room,
    p: usize,
    (item, round, next): (usize, u8, Option<usize>),
    current: Option<Answer>,
    lang: &str,
) -> String {
    let q = &room.q;
    let question = &q.questions[item];
    let scale = q.scale_of(question);
    let mut options: Vec<(f64, String)> = scale
        .options
        .iter()
        .map(|o| (o.value, q.tr(&o.label, lang).to_owned()))
        .collect();
    options.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut form = format!(
        "<form method=\"post\" action=\"/answer\">\
         <input type=\"hidden\" name=\"item\" value=\"{id}\"><input type=\"hidden\" name=\"round\" value=\"{round}\">\
         <fieldset><legend>{legend}</legend>",
        id = escape(&question.id),
        legend = escape(tr(lang, "Your answer")),
    );
    if let Some(next) = next {
        let _ = write!(
            form,
            "<input type=\"hidden\" name=\"next\" value=\"{next}\">"
        );
    }
    let mut radio = |k: usize, value: &str, label: &str, checked: bool| {
        let _ = write!(
            form,
            "<div class=\"option\"><input type=\"radio\" id=\"a{k}\" name=\"choice\" value=\"{value}\"{checked} required>\
             <label for=\"a{k}\">{label}</label></div>",
            value = escape(value),
            label = escape(label),
            checked = if checked { " checked" } else { "" },
        );
    };
    for (k, (value, label)) in options.iter().enumerate() {
        let checked = current == Some(Answer::Value(*value));
        radio(k, &crate::answers::fmt_value(*value), label, checked);
    }
    if let Some(dk) = &scale.dont_know {
        radio(
            options.len(),
            Answer::DONT_KNOW,
            q.tr(dk, lang),
            current == Some(Answer::DontKnow),
        );
    }
    if let Some(na) = &scale.not_applicable {
        radio(
            options.len() + 1,
            Answer::NOT_APPLICABLE,
            q.tr(na, lang),
            current == Some(Answer::NotApplicable),
        );
    }
    form.push_str("</fieldset>");
    let note = room.participants[p].response.notes[item]
        .clone()
        .unwrap_or_default();
    let _ = write!(
        form,
        "<p><label for=\"note\">{label}</label><textarea id=\"note\" name=\"note\" rows=\"2\" maxlength=\"2000\">{note}</textarea></p>\
         <p><button type=\"submit\" class=\"primary\">{save}</button></p></form>",
        label = escape(tr(lang, "Note (optional): an example, evidence")),
        note = escape(&note),
        save = escape(if current.is_some() {
            tr(lang, "Change my answer")
        } else {
            tr(lang, "Save my answer")
        }),
    );
    form
}

/// The facilitator's page, for a projector: the join address with its QR code, the question
/// asked, how many have voted (not what), and the room's answers after a reveal.
pub fn host(
    room: &Room,
    join_url: &str,
    qr_svg: Option<&str>,
    nonce: &str,
    version: &str,
) -> String {
    let q = &room.q;
    let lang = q.default_language();
    let title = q.tr(&q.title, lang);
    let mut body = format!("<h1>{}</h1>", escape(title));
    let _ = write!(
        body,
        "<section class=\"joinbox\" aria-labelledby=\"joinhead\"><h2 id=\"joinhead\">{join}</h2>\
         <p class=\"url\">{url}</p><p>{code_label} <strong class=\"code\">{code}</strong></p>",
        join = escape(tr(lang, "Join on your phone")),
        url = escape(join_url),
        code_label = escape(tr(lang, "Join code:")),
        code = escape(&room.code),
    );
    if let Some(svg) = qr_svg {
        let svg = svg.find("<svg").map_or(svg, |k| &svg[k..]);
        // The QR code is decorative for a screen reader: the address is written beside it.
        let _ = write!(
            body,
            "<div class=\"qr\" role=\"img\" aria-label=\"{}\">{svg}</div>",
            escape(tr(lang, "QR code of the join address"))
        );
    }
    body.push_str("</section>");
    let _ = write!(
        body,
        "<p>{}</p>",
        escape(&fill(
            lang,
            "{n} participants",
            &[("n", &room.participants.len().to_string())]
        ))
    );
    if room.ended {
        let _ = write!(
            body,
            "<p>{}</p>",
            escape(tr(lang, "This session has ended."))
        );
    } else if room.settings.pace == Pace::Facilitator {
        if let Some(item) = room.current_item() {
            let round = room.round;
            let of = room.items(round).len();
            let progress = if round == 2 {
                fill(
                    lang,
                    "Second round: question {k} of {n}",
                    &[
                        ("k", &(room.current + 1).to_string()),
                        ("n", &of.to_string()),
                    ],
                )
            } else {
                fill(
                    lang,
                    "Question {k} of {n}",
                    &[
                        ("k", &(room.current + 1).to_string()),
                        ("n", &of.to_string()),
                    ],
                )
            };
            let _ = write!(
                body,
                "<p class=\"progress\">{}</p><h2>{}</h2><p class=\"voted\">{}</p>",
                escape(&progress),
                escape(q.tr(&q.questions[item].text, lang)),
                escape(&fill(
                    lang,
                    "{voted} of {n} have voted",
                    &[
                        ("voted", &room.voted(item, round).to_string()),
                        ("n", &room.participants.len().to_string())
                    ]
                ))
            );
            if round == 2 {
                body.push_str(&distribution(
                    room,
                    (item, 1),
                    &room.distribution(item, 1),
                    tr(lang, "The room's answers in the first round"),
                    lang,
                ));
            }
            if room.revealed {
                // Worded as the participants' pages and the terminal word it.
                let caption = if round == 2 {
                    tr(lang, "The room's answers in the second round")
                } else {
                    tr(lang, "The room's answers")
                };
                let figures = room.distribution(item, round);
                body.push_str(&distribution(room, (item, round), &figures, caption, lang));
                if let Some(verdict) = super::facilitator::consensus(room, &figures, lang) {
                    let _ = write!(body, "<p class=\"verdict\">{}</p>", escape(&verdict));
                }
            }
        }
    } else {
        let mut rows = String::new();
        for (name, done, of) in room.progress() {
            let _ = write!(
                rows,
                "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td></tr>",
                escape(&name),
                escape(&fill(
                    lang,
                    "{answered} of {total}",
                    &[("answered", &done.to_string()), ("total", &of.to_string())]
                ))
            );
        }
        let _ = write!(
            body,
            "<table class=\"dist\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"n\">{}</th></tr></thead><tbody>{rows}</tbody></table>",
            escape(tr(lang, "Progress")),
            escape(tr(lang, "Participant")),
            escape(tr(lang, "Answered")),
        );
    }
    page(lang, title, nonce, Some(version), &body)
}

/// A page for an address the room does not serve.
pub fn not_found(lang: &str, nonce: &str) -> String {
    page(
        lang,
        tr(lang, "Not found"),
        nonce,
        None,
        &format!(
            "<h1>{}</h1><p><a href=\"/\">{}</a></p>",
            escape(tr(lang, "Not found")),
            escape(tr(lang, "Join the room"))
        ),
    )
}

/// A short page for a refused request.
pub fn refused(lang: &str, nonce: &str, message: &str) -> String {
    page(
        lang,
        message,
        nonce,
        None,
        &format!(
            "<h1>{}</h1><p><a href=\"/q\">{}</a></p>",
            escape(message),
            escape(tr(lang, "Back to the question"))
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_participants_text_is_escaped() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\"\u{1b}[2J"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;[2J"
        );
    }
}
