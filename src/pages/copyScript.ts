// The pages' only script: shows the subscribe box's copy buttons and copies a feed URL to the clipboard. Without
// script (or without clipboard access, e.g. over plain http) the buttons stay hidden or select the URL instead,
// and the URL text itself selects in one click (CSS user-select: all).
import { cspHashSource } from "./cspSource.ts";

export const COPY_SCRIPT =
	'for(const b of document.querySelectorAll("button[data-copy]")){b.hidden=false;b.addEventListener("click",()=>{' +
	'const label=b.textContent,url=b.dataset.copy,code=b.parentElement.querySelector("code");' +
	"const copied=navigator.clipboard?navigator.clipboard.writeText(url):Promise.reject();" +
	"copied.then(()=>{b.textContent=b.dataset.done;setTimeout(()=>{b.textContent=label},2000)}," +
	"()=>{if(code)getSelection().selectAllChildren(code)})})}";

export const COPY_SCRIPT_SOURCE = cspHashSource(COPY_SCRIPT);
