/**
 * What the citizens of the hand-played rounds typed (helpers who had not read the code,
 * 2026-12-07) and the bot got wrong, each now a rule: read through the real engine and
 * the NLU trained on intents/.
 */
import { describe, expect, it } from 'vitest';
import type { PublicCaseView } from '../../../src/dialog/types.ts';
import { Script } from '../../helpers/dialog.ts';
import { readPeopleCount } from '../../../src/nlu/answers/people-count.ts';
import { readRepresentatives } from '../../../src/nlu/answers/representatives.ts';
import { detectLocale } from '../../../src/nlu/language.ts';

/** Answers in turn until the summary, which must come. */
function toSummary(s: Script, answers: readonly string[]): Script {
  for (const answer of answers) {
    if (s.state.expecting === 'confirm') break;
    s.say(answer);
  }
  expect(s.state.expecting).toBe('confirm');
  return s;
}

/** A citizen of 城关镇 whose draft is on the summary; whom it is against: 包工头. */
function onSummary(): Script {
  const s = new Script();
  s.say('你好，我叫孙大海，电话13837261945，城关镇的，俺们在县城幸福花园二期工地干活，包工头跑了，欠了俺们23个人半年工钱');
  return toSummary(s, ['县城幸福花园二期工地', '要求把工钱结了', '我当代表就行', '找过劳动监察大队 没结果', '身份证不想给']);
}

describe('whom a petition is against', () => {
  it('a short answer is kept whole, the name after a role too', () => {
    const s = onSummary();
    expect(s.slots['respondent']).toBe('包工头');
    s.say('被反映对象改成包工头周老三 还有宏盛房地产公司');
    expect(s.slots['respondent']).toBe('包工头周老三 还有宏盛房地产公司');
  });

  it('a swap changes the field that holds just the old words, not the story', () => {
    const s = onSummary();
    const facts = s.slots['facts'];
    s.say('反映的不是包工头 是宏盛房地产公司');
    expect(s.slots['respondent']).toBe('宏盛房地产公司');
    expect(s.slots['facts']).toBe(facts);
  });
});

describe('corrections in free words', () => {
  it('a Chinese value ends at its clause, without 就行 and what follows', () => {
    const s = onSummary();
    s.say('地点写幸福花园二期工地东门就行 还有俺们没起诉');
    expect(s.slots['address']).toBe('幸福花园二期工地东门');
  });

  it('a place corrected inside another township moves the township', () => {
    const s = onSummary();
    s.say('哎地点说错了 俺是河口镇马庄村 城关镇是俺闺女家');
    expect(s.slots['address']).toBe('马庄村');
    expect(s.slots['township']).toBe('河口镇');
  });

  it.each(['事情经过写得不全', '诉求写得不对'])('a verdict on a field (%s) is no new value for it', (said) => {
    const s = onSummary();
    const kept = { facts: s.slots['facts'], demands: s.slots['demands'] };
    s.say(said);
    expect({ facts: s.slots['facts'], demands: s.slots['demands'] }).toEqual(kept);
  });
});

describe('earlier handling in free words', () => {
  it('"told to sue, cannot afford it" is no case in court', () => {
    const s = new Script();
    s.say('你好，我叫孙大海，电话13837261945，城关镇的，包工头跑了，欠了俺们23个人半年工钱');
    s.say('县城幸福花园二期工地');
    s.say('要求把工钱结了');
    s.say('我当代表就行');
    expect(s.state.expecting).toBe('priorPetition');
    s.say('去过劳动监察大队一回 说让俺们去法院告 没去法院 打官司俺们打不起');
    expect(s.slots['priorPetition']).toBe('earlier_petition');
  });
});

describe('the draft', () => {
  it('"No office is handling it" is no matter handled below, and "no, first time" does not stop the draft', () => {
    const s = new Script('en');
    s.say('I am a nurse at the Beiling township clinic. Since March the clinic has not paid my social insurance contributions, and two colleagues are in the same situation.');
    for (let i = 0; i < 8 && s.state.expecting !== 'priorPetition'; i++) {
      const asked = s.state.expecting;
      s.say(asked === 'address' ? 'Beiling township clinic' : asked === 'demands' ? 'pay the missing contributions. three of us' : asked === 'peopleCount' ? 'three of us' : asked === 'representatives' ? 'me' : 'skip');
    }
    expect(s.state.expecting).toBe('priorPetition');
    s.say('No office is handling it. I only asked the accountant in June.');
    expect(s.slots['priorPetition']).toBe('earlier_petition');
    s.say('no, first time');
    expect(s.state.forms.some((f) => f.form === 'intake')).toBe(true);
  });


  it('"还是弄吧 … 不弄不行" answers the stop question by going on', () => {
    const s = new Script();
    s.say('你好，我叫孙大海，电话13837261945，城关镇的，俺们在县城幸福花园二期工地干活，包工头跑了，欠了俺们23个人半年工钱');
    s.say('县城幸福花园二期工地');
    expect(s.state.expecting).toBe('demands');
    s.say('算了不想弄了');
    expect(s.payloads).toContain('cancel:yes');
    s.say('唉 还是弄吧 俺孙子天天咳嗽 不弄不行');
    expect(s.state.expecting).toBe('demands');
    expect(s.slots['address']).toBe('幸福花园二期工地');
  });

  it('"never mind" in the middle of the form asks whether to stop, and nothing is lost', () => {
    const s = new Script('en');
    s.say('hi, i work at suda logistics depot in donghu, the boss makes us work overtime and doesnt pay it');
    s.say('just the warehouse on donghu avenue');
    s.say('hmm never mind i dont want trouble');
    expect(s.payloads).toContain('cancel:yes');
    expect(s.slots['demands']).toBeUndefined();
    s.say('actually no, go on');
    expect(s.state.forms.some((f) => f.form === 'intake')).toBe(true);
  });
});

describe('people', () => {
  it('someone typing for a parent files in the parent\'s name and phone', () => {
    const s = new Script('en');
    s.say('im writing for my dad. he worked on a construction site in nanhe town for hongsheng construction company and they havent paid him since july');
    s.say('ok put my dads name li guoqiang its his complaint. his phone 15837261940. im li xiaomei his daughter my number is 17756781234');
    expect(s.slots['name']).toBe('Li Guoqiang');
    expect(s.slots['phone']).toBe('15837261940');
  });

  it('a person named after a position is whom the story is about, not a representative', () => {
    const s = new Script();
    s.say('在吗 我是西山乡石门村的 我们村委会没开村民代表会 就把村里集体的三十亩地卖了 大家怀疑钱被村支书刘某拿去了 全村一百来户都有份的地');
    expect(s.slots['representatives']).toBeUndefined();
    expect(s.slots['category']).toBe('conduct');
    expect(s.slots['respondent']).toBe('村支书刘某');
  });
});

describe('questions', () => {
  it('a question closing the first story is answered', () => {
    const s = new Script('en');
    s.say("Hi, I moved back from Canada last year to look after my mother. She was in Qingshi Town Hospital for 10 days in October for pneumonia. She has rural resident medical insurance (xinnonghe) but the hospital charged us the full 8,600 yuan. Can I stay anonymous if I complain about the hospital?");
    expect(s.slots['township']).toBe('青石镇');
    expect(s.text).toMatch(/real name and phone/);
    expect(s.state.expecting).toBe('address');
  });
});

describe('round C (12 citizens through /api/chat): the summary files only on a go-ahead', () => {
  const filed = (s: Script) => s.last.effects.some((e) => e.type === 'submit_petition');

  it('"我再想想，等我儿子回来看看再交" keeps the draft on the summary', () => {
    const s = onSummary();
    s.say('我再想想，要不等我儿子下班回来看看再交');
    expect(filed(s)).toBe(false);
    expect(s.state.expecting).toBe('confirm');
    expect(s.text).toMatch(/不急/);
  });

  it('a 交 inside the corrected words is no go-ahead; "补充一下经过：" adds to the story', () => {
    const s = onSummary();
    const facts = s.slots['facts'] as string;
    s.say('补充一下经过：包工头还说谁告就不给谁，我儿子晚交了两天材料');
    expect(filed(s)).toBe(false);
    expect((s.slots['facts'] as string).startsWith(facts)).toBe(true);
    expect(s.slots['facts']).toMatch(/晚交了两天材料$/);
    s.say('提交');
    expect(filed(s)).toBe(true);
  });

  it('"等等 我再补一句 …" on the summary is more of the story, and the summary comes again', () => {
    const s = onSummary();
    s.say('等等 我再补一句 劳动监察也罚过他一次 他交了罚款还是照样拖');
    expect(filed(s)).toBe(false);
    expect(s.slots['facts']).toMatch(/交了罚款还是照样拖$/);
    expect(s.text).toMatch(/请核对/);
  });

  it('"对了，提交吧" still files', () => {
    const s = onSummary();
    s.say('对了，提交吧');
    expect(filed(s)).toBe(true);
  });
});

describe('round C: a story told before a question about it', () => {
  it('starts the petition and answers the question (English)', () => {
    const s = new Script('en');
    s.say("My boss at the brick factory in Donghu hasn't paid me for three months. Will he find out if I complain?");
    expect(s.slots['category']).toBe('labor');
    expect(s.text).toMatch(/retaliate/);
    expect(s.state.expecting).not.toBeNull();
  });

  it('a question in the last clause of one sentence is answered (Chinese)', () => {
    const s = new Script();
    s.say('我家的低保今年被村里取消了，能不能不留名字？');
    expect(s.slots['category']).toBe('civil');
    expect(s.text).toMatch(/真实姓名/);
  });
});

describe('round C: stopping for now and coming back', () => {
  const stoppedDraft = () => {
    const s = new Script();
    for (const m of ['修路把俺家哩地挖了 钱给哩忒少', '南河镇后沟村', '不知道', '一亩补到一万五，就俺老两口', '找过镇上两回', '算了 不弄了']) s.say(m);
    return s;
  };

  it('"对 不登记了 过两天还能接着弄吗" stops, and the question is answered', () => {
    const s = stoppedDraft();
    s.say('对 不登记了 过两天还能接着弄吗');
    expect(s.state.forms).toEqual([]);
    expect(s.state.parked).not.toBeNull();
    expect(s.text).toMatch(/保存着/);
  });

  it('"Can we continue with what I wrote before?" brings the draft back, no case lookup', () => {
    const s = new Script('en');
    for (const m of ["My parents' farmland in Nanhe was taken for the highway and the compensation has not been paid.", 'Gaoqiao village', 'the town government', 'Pay it', 'just my parents', 'we went to the town twice', 'Cancel', 'Stop for now, but keep what I told you please']) s.say(m);
    expect(s.state.parked).not.toBeNull();
    s.say('Hi again, my father wants to go ahead. Can we continue with what I wrote before?');
    expect(s.state.forms.at(-1)?.form).toBe('intake');
    expect(s.text).not.toMatch(/case number/);
  });

  it('"register it anyway" while a lookup waits for a number resumes the kept draft', () => {
    const s = stoppedDraft();
    s.say('对，不登记了');
    s.press('case:other');
    expect(s.state.expecting).toBe('caseNumber');
    s.say('还是登记吧');
    expect(s.state.forms.map((f) => f.form)).toEqual(['intake']);
  });
});

describe('round C: more said right after filing', () => {
  it('"咋就提交了 我还没说完 我要补充：…" goes to the case just filed, the words after 补充', () => {
    const s = onSummary();
    s.say('提交');
    s.event({ type: 'petition_submitted', intakeId: s.state.forms.at(-1)?.id ?? (s.last.effects.find((e) => e.type === 'submit_petition') as { draft: { intakeId: string } }).draft.intakeId, caseNumber: 'XF202612070006', queryCode: '12345678' });
    s.say('咋就提交了 我还没说完 我要补充：劳动监察罚过他一次 他交了罚款还是照样拖');
    expect(s.last.effects).toContainEqual({ type: 'add_supplement', caseNumber: 'XF202612070006', text: '劳动监察罚过他一次 他交了罚款还是照样拖' });
  });
});

describe('round C: an anonymous report of a village head', () => {
  it('answers the question in the first message, takes "谁也不代表…自己来举报" as filing alone, keeps "匿名反映"', () => {
    const s = new Script();
    s.say('我想举报我们村的村主任收钱，能不能不留名字？怕被报复');
    expect(s.text).toMatch(/可以匿名/);
    s.say('北岭乡石门村');
    s.say('村主任赵有福评低保要收好处费，每户要交2000块才给报上去，真正困难的老周家没钱送就没评上。希望纪委查查他，把不该吃低保的清出去。村里起码有七八户送过钱');
    s.say('我谁也不代表，我就是知道这事的人，自己来举报');
    expect(s.text).not.toMatch(/行为规范/);
    expect(s.state.expecting).not.toBe('representatives');
    s.say('匿名反映');
    expect(s.slots['anonymous'] ?? s.slots['name']).toBeTruthy();
    expect(s.text).toMatch(/匿名/);
  });
});

describe('round C: the township in free words', () => {
  it('"俺是桃园乡的" is 桃源乡 (one character off), not a place', () => {
    const s = new Script();
    s.say('俺家的粮食补贴三年没发了');
    s.say('俺是桃园乡的');
    expect(s.slots['township']).toBe('桃源乡');
    expect(s.slots['address']).toBeUndefined();
  });
  it('"俺不是说了桃园乡么 俺们村" is a reproach with the answer in it, not a question about procedure', () => {
    const s = new Script();
    s.say('俺家的粮食补贴三年没发了');
    s.say('俺不是说了桃园乡么 俺们村');
    expect(s.slots['township']).toBe('桃源乡');
    expect(s.text).not.toMatch(/基本程序/);
  });
  it('"our village" is asked which township, not called an unknown township', () => {
    const s = new Script('en');
    s.say('The paper mill keeps dumping black water into the river.');
    s.say('our village');
    expect(s.text).toMatch(/Which township is it in/);
    expect(s.text).not.toMatch(/could not find/);
  });
});

describe('round C: an English teacher whose scooter was stolen', () => {
  const teacher = () => {
    const s = new Script('en');
    s.say("Hello, I'm a British teacher living in the county. I want to file a complaint about the police.");
    s.say("In Chengguan. My electric scooter was stolen outside my apartment on Jianshe Street, and the Chengguan police station refused to register the theft because I'm a foreigner.");
    return s;
  };

  it('the story told when asked where joins the facts; the sentence about whom is no part of the place', () => {
    const s = teacher();
    expect(s.slots['facts']).toMatch(/teacher/);
    expect(s.slots['facts']).toMatch(/scooter was stolen/);
    s.say('Jianshe Street, building 5 of Xingfu Garden. The complaint is about Chengguan police station, especially the officer on duty that night.');
    expect(s.slots['address']).toBe('Jianshe Street, building 5 of Xingfu Garden');
    expect(s.slots['respondent']).toMatch(/police station/);
  });

  it('a question closing a long request is answered, and not kept in it', () => {
    const s = teacher();
    s.say('Jianshe Street');
    if (s.state.expecting === 'respondent') s.say('the Chengguan police station');
    s.say('I want the police to register the theft properly and investigate, and an explanation why they refused. Just me. How long will it take?');
    expect(s.slots['demands']).toBe('I want the police to register the theft properly and investigate, and an explanation why they refused.');
    expect(s.slots['peopleCount']).toBe(1);
    expect(s.text).toMatch(/within 15 days/);
  });

  it('"What happened is wrong. It should be: …" corrects the facts; "…still not been paid" keeps its end; 2.5 stays 2.5', () => {
    const s = teacher();
    toSummary(s, ['Jianshe Street', 'the Chengguan police station', 'I want the police to register the theft properly and investigate. Just me.', 'I went back to the station twice, nothing happened.', 'Thomas Whitfield, phone 18237651409, passport number E33380146']);
    s.say("What happened is wrong. It should be: On 1 November my electric scooter was stolen outside my apartment, and the police refused to register the theft.");
    expect(s.slots['facts']).toBe('On 1 November my electric scooter was stolen outside my apartment, and the police refused to register the theft.');
    s.say('Change the request to: register the theft, and pay back the 2.5 thousand yuan I have still not been paid.');
    expect(s.slots['demands']).toBe('register the theft, and pay back the 2.5 thousand yuan I have still not been paid.');
  });
});

describe('round C: thirteen gym members (English)', () => {
  const gym = () => {
    const s = new Script('en');
    s.say('I need to file a complaint. The FitLife gym on Donghu Avenue closed suddenly last week and the owner disappeared with our prepaid membership money. 12 of us members are filing together.');
    s.say('I just said, Donghu Avenue. No. 88, 2nd floor above the Agricultural Bank. It is in Donghu Town yes.');
    return s;
  };

  it('"I just said," is no part of the place, and "No. 88" keeps its number', () => {
    expect(gym().slots['address']).toBe('Donghu Avenue. No. 88, 2nd floor above the Agricultural Bank');
  });

  it('the request is taken beside a question about representatives, which gets its own answer; the accused is no representative', () => {
    const s = gym();
    s.say('Find the owner, Mr. Sun Hao, and get our money back - each of us paid between 2,000 and 3,600 yuan. Can I give the names of the other members as representatives?');
    expect(s.slots['demands']).toMatch(/^Find the owner, Mr\. Sun Hao, and get our money back/);
    expect(s.text).toMatch(/choose representatives, at most 5/);
    expect(s.text).not.toMatch(/anonymous/);
    expect(s.slots['representatives']).toBeUndefined();
  });

  it('on the summary: "Place: No. 88 …" and counts corrected in English words', () => {
    const s = gym();
    toSummary(s, ['Find the owner and get our money back.', 'me, and Liu Yang 15137289954', 'We called 12315, nothing since', 'Zhang Wei, 13892047716', 'skip']);
    s.say('Place: No. 88 Donghu Avenue, 2nd floor above the Agricultural Bank');
    expect(s.slots['address']).toBe('No. 88 Donghu Avenue, 2nd floor above the Agricultural Bank');
    s.say("Also it's not 12 people, more like 13");
    expect(s.slots['peopleCount']).toBe(13);
    s.say('about 14 people affected, not 13');
    expect(s.slots['peopleCount']).toBe(14);
    s.say('People affected: about 15 people');
    expect(s.slots['peopleCount']).toBe(15);
  });
});

describe('round C: an elderly farmer whose land the village took', () => {
  it('"西三乡刘家洼村" is 西山乡 and the village; more of the story after a thin first message joins the facts; "俺家一户 五口人" is the count, not the request', () => {
    const s = new Script();
    s.say('俺要反映个事 俺家的地叫村里给占了 咋办');
    s.say('西三乡刘家洼村 俺不识字 孙子帮着打的');
    expect(s.slots['township']).toBe('西山乡');
    expect(s.slots['address']).toBe('刘家洼村');
    s.say('对 是西山乡 俺家承包地叫村支书占了盖厂房 一分钱没给');
    expect(s.slots['facts']).toMatch(/盖厂房/);
    if (s.state.expecting === 'respondent') s.say('村支书刘大柱 还有村委会');
    s.say('要回俺的地 要不就按政策赔钱 俺家一户 五口人');
    expect(s.slots['demands']).toBe('要回俺的地 要不就按政策赔钱');
    expect(s.slots['peopleCount']).toBe(1);
  });
});

describe('round D: the summary', () => {
  it('"ok replace … and remove …" that changed nothing is no go-ahead; "没问题 不用改" and "Correct" are', () => {
    const s = onSummary();
    s.say("ok replace 包工头 with 王德发 and remove the words 'only:'");
    expect(s.last.effects.some((e) => e.type === 'submit_petition')).toBe(false);
    const t = onSummary();
    t.say('没问题 不用改');
    expect(t.last.effects.some((e) => e.type === 'submit_petition')).toBe(true);
  });

  it('"王建军 电话…，身份证…。哦不对，我名字是王建国" keeps the last name, the phone and the ID', () => {
    const s = new Script();
    for (const m of ['俺是北岭乡石门村的 俺的优抚金今年停了', '北岭乡石门村', '恢复俺的优抚金 就俺自己', '找过乡民政所 没结果']) s.say(m);
    expect(s.state.expecting).toBe('name');
    s.say('王建军 电话13912345678，身份证610423196811053315。哦不对，我名字是王建国');
    expect(s.slots).toMatchObject({ name: '王建国', phone: '13912345678', idNumber: '610423196811053315' });
  });
});

describe('round D: lost, not leaving', () => {
  it('"what is administrative reconsideration? i dont understand" asks nothing about stopping', () => {
    const s = new Script('en');
    for (const m of ['We applied for administrative reconsideration about the demolition of our house in Xishan, no decision yet.', 'Houtou village', 'Fair compensation', 'just my family', "don't know"]) s.say(m);
    s.say('what is administrative reconsideration? i dont understand');
    expect(s.text).not.toMatch(/stop this petition/);
    expect(s.state.forms.at(-1)?.form).toBe('intake');
  });
});

describe('round D: a pause in the middle and the return', () => {
  it('"先放着吧 过两天俺再来" keeps the draft and reads nothing; "俺又来了 …还是要登记" asks the open question again', () => {
    const s = new Script();
    for (const m of ['俺家房子叫拆了 给的钱太少', '南河镇柳树村', '拆迁办']) s.say(m);
    expect(s.state.expecting).toBe('demands');
    s.say('先放着吧 过两天俺再来 别给俺删了');
    expect(s.slots['demands']).toBeUndefined();
    expect(s.text).toMatch(/不急/);
    s.say('同志 俺又来了 上回那个拆房子的事 俺想好了还是要登记');
    expect(s.slots['demands']).toBeUndefined();
    expect(s.state.expecting).toBe('demands');
  });
  it('"stop for now" and "I am back, lets continue" are no answers (English)', () => {
    const s = new Script('en');
    s.say('My neighbour built a 3 floor extension on his house in Nanhe, no permit, now our house gets no sun.');
    s.say('Dongjie street no 15');
    const asked = s.state.expecting;
    s.say('i need ask my wife first, stop for now please');
    s.say('I am back, lets continue');
    expect(s.state.expecting).toBe(asked);
    expect(s.slots['respondent']).toBeUndefined();
  });
});

describe('round D: three corrections in one message on the summary', () => {
  it('place, whom (added to) and the ID number all apply; a township inside whom moves nothing', () => {
    const s = onSummary();
    s.say('地点不对，地点就写红星煤矿。被反映的再加上青石镇社保所。身份证俺也给你 410928195603124411');
    expect(s.slots['address']).toBe('红星煤矿');
    expect(s.slots['respondent']).toMatch(/^包工头；青石镇社保所/);
    expect(s.slots['idNumber']).toBe('410928195603124411');
    expect(s.slots['township']).toBe('城关镇');
  });
  it('"另外问下，匿名的话村里真查不到是我吧？" is answered and left out of the request', () => {
    const s = new Script();
    for (const m of ['我想举报俺村会计贪了修路的钱', '西山乡桦树沟村']) s.say(m);
    s.say('让纪委查他 把钱追回来 另外问下，匿名的话村里真查不到是我吧？');
    expect(s.slots['demands']).toBe('让纪委查他 把钱追回来');
    expect(s.text).toMatch(/请放心/);
  });
});

describe('round E', () => {
  it('"您好，我想反映一个问题" notes no kind of matter', () => {
    const s = new Script();
    s.say('您好，我想反映一个问题');
    expect(s.slots['category']).toBeUndefined();
    expect(s.text).not.toMatch(/类别 其他/);
  });
  it('"去年跟村主任吵了一架" is no place', () => {
    const s = new Script();
    s.say('俺家低保叫取消了 就因为去年跟村主任吵了一架');
    expect(s.slots['address']).toBeUndefined();
  });
  it('"打过12315，说让俺等通知，一直没信" was raised before, not handled now', () => {
    const s = onSummary();
    s.say('此前处理情况改成：打过12315，说让俺等通知，一直没信');
    expect(s.slots['priorPetition']).toBe('earlier_petition');
  });
});

describe('round E: "我要举报" and then the official', () => {
  it('is a report about officials: the official its respondent, the deed in the facts, no place made of it', () => {
    const s = new Script();
    s.say('我要举报，能不能不留名字？');
    s.say('青石镇，村支书刘宝山把村里集体的地卖了');
    expect(s.slots).toMatchObject({ category: 'conduct', respondent: '村支书刘宝山', township: '青石镇' });
    expect(s.slots['address']).toBeUndefined();
    expect(s.slots['facts']).toMatch(/集体的地卖了/);
  });
});

describe('round F: an amount corrected inside a long field', () => {
  const withAmount = () => {
    const s = new Script();
    s.say('你好，我叫孙大海，电话13837261945，城关镇的，俺们在县城幸福花园二期工地干活，包工头跑了，欠了俺们23个人半年工钱，一共86000元');
    toSummary(s, ['县城幸福花园二期工地', '要求把86000元工钱结了', '我当代表就行', '找过劳动监察大队 没结果', '身份证不想给']);
    return s;
  };
  it('"事情经过里的86000改成96000" swaps the amount and keeps the story', () => {
    const s = withAmount();
    const facts = s.slots['facts'] as string;
    s.say('事情经过里的86000改成96000');
    expect(s.slots['facts']).toBe(facts.replace('86000', '96000'));
  });
  it('"诉求里是96000不是86000" and "the amount is 96000 not 86000" swap too', () => {
    const s = withAmount();
    s.say('诉求里是96000不是86000');
    expect(s.slots['demands']).toBe('要求把96000元工钱结了');
    const t = withAmount();
    t.say('the amount is 96000 not 86000');
    expect(t.slots['facts']).toMatch(/96000/);
  });
});

describe('round F', () => {
  it("another person's phone in a correction leaves the citizen's own", () => {
    const s = onSummary();
    s.say('把我老公陈浩作为联名人加上，电话13598765432');
    expect(s.slots['phone']).toBe('13837261945');
  });
  it('"我先去接孩子放学，晚上再来接着填，刚才填的别丢了啊" is a pause, no answer', () => {
    const s = new Script();
    for (const m of ['俺家房子叫拆了 给的钱太少', '南河镇柳树村']) s.say(m);
    const asked = s.state.expecting;
    s.say('我先去接孩子放学，晚上再来接着填，刚才填的别丢了啊');
    expect(s.state.expecting).toBe(asked);
    expect(s.text).toMatch(/不急/);
  });
  it('"刚说了啊，宏磊石料厂" and "…前头说过了嘛" keep only whom', () => {
    const s = new Script();
    for (const m of ['修路把俺家哩地挖了 钱给哩忒少', '南河镇后沟村']) s.say(m);
    expect(s.state.expecting).toBe('respondent');
    s.say('刚说了啊，宏磊石料厂，前头说过了嘛');
    expect(s.slots['respondent']).toBe('宏磊石料厂');
  });
  it('"身份证号是不是非得给，给了有啥用" is answered about the ID number', () => {
    const s = new Script();
    for (const m of ['俺是北岭乡石门村的 俺的优抚金今年停了', '北岭乡石门村', '恢复俺的优抚金 就俺自己', '找过乡民政所 没结果']) s.say(m);
    s.say('身份证号是不是非得给，给了有啥用');
    expect(s.text).toMatch(/身份证号用来/);
  });
});

describe('round F: names and words in English', () => {
  const toName = () => {
    const s = new Script('en');
    for (const m of ["The village re-allotted our family's contracted land in Hekou to another family without telling us.", 'Liujiawan village', 'the village committee', 'Give the land back. 1 household', 'we asked the village head twice, nothing']) s.say(m);
    expect(s.state.expecting).toBe('name');
    return s;
  };
  it('"Liu Yuxuan (刘宇轩), 188…" is one person, both names, with a phone', () => {
    const s = toName();
    s.say('Liu Yuxuan (刘宇轩), 18855317264, ID 412726199001015521');
    expect(s.slots).toMatchObject({ name: 'Liu Yuxuan (刘宇轩)', phone: '18855317264' });
  });
  it('"my name Nguyen Thi Lan, chinese name 阮氏兰. phone 135…" keeps the phone and both names', () => {
    const s = toName();
    s.say('my name Nguyen Thi Lan, chinese name 阮氏兰. phone 13569874120. passport C4821937');
    expect(s.slots).toMatchObject({ name: 'Nguyen Thi Lan (阮氏兰)', phone: '13569874120' });
  });
});

describe('round G: the foreman', () => {
  it('"我是包工头…老板跑了" is against the boss, not the citizen', () => {
    const s = new Script();
    s.say('我是包工头，东湖镇工业园区的活，老板跑了，欠了我们十五个人工钱三十二万');
    expect(s.slots['respondent']).not.toBe('包工头');
  });
});

describe('holds and pauses are the citizen\'s own', () => {
  it('"让他们回头再来把房子修好" is a request, not a pause', () => {
    const s = new Script();
    for (const m of ['俺家房子叫拆了 给的钱太少', '南河镇柳树村', '拆迁办']) s.say(m);
    s.say('让他们回头再来把房子修好 赔钱');
    expect(s.slots['demands']).toBe('让他们回头再来把房子修好 赔钱');
  });
  it('"提交吧，不用等到明天" files', () => {
    const s = onSummary();
    s.say('提交吧，不用等到明天');
    expect(s.last.effects.some((e) => e.type === 'submit_petition')).toBe(true);
  });
});

describe('round H (12 citizens through /api/chat, 2026-12-07)', () => {
  it('a representative named with a title keeps her own phone; the petitioner gets none of it', () => {
    const s = new Script('en');
    s.say('The night market next to our building plays loud music until 2am every night. Nobody can sleep. Chengguan Town, Binhe Community.');
    expect(s.slots['address']).toBe('Binhe Community');
    s.say("I said Binhe Community, the market is on Riverside Road behind building 5. Against the market operator, I don't know the name, maybe the town urban management office runs it");
    expect(s.slots['respondent']).toBe('the market operator');
    expect(s.text).not.toMatch(/noted: \./);
    s.say('Stop the music after 10pm. It\'s maybe a dozen families in our building who complained to each other');
    s.say('yes for all of them. representatives are me and Mrs Zhou, 13655443322');
    expect(s.slots['phone']).toBeUndefined();
    expect(s.slots['representatives']).toEqual([{ self: true, name: null, phone: null }, { self: false, name: 'Mrs Zhou', phone: '13655443322' }]);
  });

  it('"不是新登记 俺是查进度 编号…" looks the case up; the draft stays below it', () => {
    const s = new Script();
    s.say('我家低保停了 想反映一下');
    s.say('不是新登记 俺是查进度 编号XF202612070001');
    expect(s.state.expecting).toBe('queryCode');
    expect(s.state.forms.some((f) => f.form === 'intake')).toBe(true);
  });

  it('a court the citizen was only told to go to is no litigation; a channel denied is asked again', () => {
    const s = new Script();
    s.say('俺在工地干了半年活包工头不给钱咋整');
    s.say('俺是桃园乡的 工地在城关那边 县医院新楼那');
    s.say('俺就想要回工钱 一万二千八 俺们一起干活的有十来个人都没给');
    s.say('俺就是代表 俺叫王富贵 电话13937125588');
    s.say('找过劳动局的人 他们说去法院告 俺哪有钱打官司啊');
    expect(s.slots['priorPetition']).toBe('earlier_petition');
  });

  it('"俺没去法院 没告" on the triage question takes the court back', () => {
    const s = new Script();
    s.say('俺在工地干了半年活包工头不给钱咋整');
    s.say('俺是桃园乡的 工地在城关那边 县医院新楼那');
    s.say('俺就想要回工钱 一万二千八 俺们一起干活的有十来个人都没给');
    s.say('俺就是代表 俺叫王富贵 电话13937125588');
    s.say('以前去法院起诉过');
    expect(s.slots['priorPetition']).toBe('litigation');
    s.say('俺没去法院 没告 就是劳动局那人让俺去告');
    expect(s.slots['priorPetition']).toBeUndefined();
    expect(s.state.expecting).toBe('priorPetition');
    expect(s.text).not.toMatch(/行为规范/);
  });

  it('where the bureau is and its phone are answered from the county config', () => {
    const s = new Script();
    s.say('那信访局在哪 电话多少 俺带俺爹直接过去');
    expect(s.text).toMatch(/人民路1号/);
    expect(s.text).toMatch(/0000-12345/);
  });
});

describe('round H, second part', () => {
  const housing = () => {
    const s = new Script();
    s.say('俺家房子叫镇上给扒了 一分钱没给 俺老两口现在住在牛棚里');
    s.say('南和镇 柳树湾');
    return s;
  };

  it('whom first, then more of the story: whom is the opening, the rest joins the facts', () => {
    const s = housing();
    s.say('镇政府 来了个铲车就推了 说是违建 俺那房子住了四十年了咋就违建了');
    expect(s.slots['respondent']).toBe('镇政府');
    expect(s.slots['facts']).toMatch(/铲车/);
  });

  it('words of despair are no demand; "不会干傻事 接着给俺登上" asks the question again and joins nothing', () => {
    const s = housing();
    s.say('镇政府 来了个铲车就推了 说是违建 俺那房子住了四十年了咋就违建了');
    s.say('俺也不知道咋办了 老头子天天哭 俺真是不想活了 这日子过不下去');
    expect(s.slots['demands']).toBeUndefined();
    s.say('俺就是心里憋屈说说 不会干傻事 房子的事你接着给俺登上');
    expect(s.state.expecting).toBe('demands');
    expect(s.slots['facts']).not.toMatch(/憋屈/);
  });

  it('an anonymous reporter who leaves a phone keeps it; a question closing the first message is answered', () => {
    const s = new Script();
    s.say('我要举报我们村支书 上面发的修水渠的钱他自己揣兜里了 我要是举报了他会不会知道是我');
    expect(s.text).toMatch(/绝不会透露/);
    s.say('青石镇 小王庄');
    s.say('要求查他 把钱退出来把水渠修了 全村都吃亏 有个一百来户吧');
    s.say('就我自己举报 别写别人 人多了怕漏风');
    s.say('没有 头一回');
    s.say('名字就不留了 电话留一个13812340987 有事打给我');
    expect(s.slots['anonymous']).toBe(true);
    expect(s.slots['phone']).toBe('13812340987');
    expect(s.text).toMatch(/13812340987/);
  });

  it("someone else's ID number, or one taken back, is not stored; 'delete it' empties the field and stops nothing", () => {
    const s = new Script('en');
    s.say('My father-in-law\'s pension has been paid at the wrong amount since January, about 600 yuan less every month, in Hekou Town, Dazhai village.');
    s.say('the social security office (I just said that)');
    expect(s.slots['respondent']).toBe('the social security office');
    s.say("Correct his pension and pay back what's missing. Just him.");
    s.say('we went to the Hekou office twice in March');
    s.say("I'm Anna Mueller, 18611223344. His ID is 510104198801011234 if you need it. oh wait, that's my husband's. never mind the ID");
    expect(s.slots['idNumber']).toBeUndefined();
    s.say('ID 11010519491231002X');
    expect(s.slots['idNumber']).toBe('11010519491231002X');
    s.say('the ID number is still there. delete it please');
    expect(s.slots['idNumber']).toBeNull();
    expect(s.state.expecting).toBe('confirm');
    expect(s.text).not.toMatch(/stop this petition/);
  });
});

describe('round H: a retired teacher writes long paragraphs', () => {
  const first = '您好。我是西山乡中心小学的退休教师，姓赵。我想反映一个拖了很多年的问题：我们西山乡石门村通往乡里的那条水泥路，2019年发大水冲坏了一大段，至今已经五年多没有修。村里的孩子上学、老人看病都要走这条路，下雨天泥泞不堪，去年冬天还有一位老人骑三轮车在那里摔断了腿。村委会说没钱，乡里说已经报到县交通局了，可是一直没有下文。我想请县里重视一下，尽快把路修好。';
  it('the school she retired from is not whom; "一个…问题", "一位老人" are no count', () => {
    const s = new Script();
    s.say(first);
    expect(s.slots['respondent']).not.toMatch(/小学/);
    expect(s.slots['peopleCount']).toBeUndefined();
    expect(s.slots['address']).toBe('石门村');
  });
  it('"全村三百多户都要走" in a correction is the count, no place', () => {
    const s = new Script();
    s.say(first);
    s.say('应该算交通、道路建设方面的吧。另外请您更正一下：我反映的不是中心小学，学校是我原来工作的单位，我反映的是道路一直没有人修，应该是县交通局和乡政府的责任。这条路也不是我一个人的事，全村三百多户都要走。');
    expect(s.slots['address']).toBe('石门村');
    expect(s.slots['peopleCount']).toBe(300);
    expect(s.slots['peopleUnit']).toBe('households');
  });
});

describe('round I (12 citizens through /api/chat, 2026-12-07)', () => {
  const land = () => {
    const s = new Script();
    s.say('俺们村20户人家的地叫县里征了搞啥子物流园 补偿款到现在一分莫得 俺想反映一下中不中');
    s.say('北岭乡杨树沟村 地是前年秋收完就叫推了 说好一亩三万八 到今天都快两年了');
    s.say('乡政府跟那个物流园公司 叫啥顺通物流 征地的时候是乡里来人量的地');
    s.say('把欠俺们的补偿款按一亩三万八发下来 还有地上的青苗跟树也得算钱 要多久能有个说法');
    return s;
  };

  it('"打他儿子的 135…" is how to reach a representative, no threat; numbers in Chinese digits and a nickname are read', () => {
    const s = land();
    s.say('俺算一个 俺叫杨德贵 电话一三九零三八七六五四二 还有俺们村会计杨秀兰她电话是15837462291 再一个是老刘头刘长水 他没手机 打他儿子的 135 0381 2276');
    expect(s.state.handoff?.reason).not.toBe('risk');
    expect(s.slots['representatives']).toEqual([
      { self: true, name: '杨德贵', phone: '13903876542' },
      { self: false, name: '杨秀兰', phone: '15837462291' },
      { self: false, name: '刘长水', phone: '13503812276' },
    ]);
  });

  it('on the summary, "代表不对 是三个人" leaves the count alone; "代表改成A …，B …，C …" keeps all three', () => {
    const s = land();
    s.say('就我一个代表 杨德贵 13903876542');
    s.say('去年找过乡里两回 乡里说等物流园资金到位 一直拖着');
    for (const answer of ['杨德贵 13903876542', '身份证不给', '跳过']) if (s.state.expecting !== 'confirm') s.say(answer);
    expect(s.state.expecting).toBe('confirm');
    s.say('代表不对 是三个人 俺杨德贵13903876542 杨秀兰15837462291 刘长水13503812276');
    expect(s.slots['peopleCount']).toBe(20);
    s.say('代表改成杨德贵 13903876542，杨秀兰 15837462291，刘长水 13503812276');
    expect((s.slots['representatives'] as unknown[]).length).toBe(3);
  });

  it('a contractor\'s full name is not the citizen\'s; "转人工" alone is no demand', () => {
    const s = new Script();
    s.say('俺在工地摔断了腿 包工头不管 没给上保险');
    s.say('工地在东湖镇 新修的东湖花园小区那个工地 包工头叫赵老四 大名赵国强 开发商是宏达地产');
    expect(s.slots['name'] ?? null).toBeNull();
    s.say('转人工');
    expect(s.slots['demands']).toBeUndefined();
  });

  it('the earlier handling in the summary has no [姓名]/[电话] placeholders', () => {
    const s = new Script();
    s.say('幼儿园乱收费 一学期多收八百 城关镇 阳光路县第二幼儿园');
    s.say('退钱');
    s.say('就我自己');
    s.say('跟园长说过两次 没用 我叫王芳 电话13812345678');
    expect(s.slots['priorDetail']).toMatch(/园长/);
    expect(s.slots['priorDetail']).not.toMatch(/\[/);
  });
});

describe('round I, second part', () => {
  it('"不知道是镇残联还是民政所停的": both are kept as whom', () => {
    const s = new Script();
    s.say('我的残疾补贴停了 俺是青石镇的');
    s.say('不知道是镇残联还是民政所停的 反正钱莫得了');
    expect(s.slots['respondent']).toBe('镇残联或民政所');
  });
  it('"这个能找你们不", "你们管不管" and "do I need a lawyer?" are answered', () => {
    const s = new Script();
    s.say('房东押金三千他说墙弄脏了一分不退 这个能找你们不');
    expect(s.text).toMatch(/私人纠纷/);
    const e = new Script('en');
    e.say('The school has not paid my salary for three months. do I need a lawyer for this?');
    expect(e.text).toMatch(/do not need a lawyer/);
  });
  it('"被反映的单位咋没写 写上…" on the summary sets whom', () => {
    const s = new Script();
    s.say('我的残疾补贴停了 俺是青石镇的 柳树村');
    for (const a of ['不知道', '把补贴恢复了', '就我自己', '没找过 头一回', '王大壮 13812345678', '跳过']) if (s.state.expecting !== 'confirm') s.say(a);
    expect(s.state.expecting).toBe('confirm');
    s.say('被反映的单位咋没写 写上青石镇残联跟民政所');
    expect(s.slots['respondent']).toBe('青石镇残联跟民政所');
  });
});

describe('round I: an investor whose permit is stuck', () => {
  it('his own company is not whom; the bureau named "not against a company" replaces a guess; the kind is market regulation', () => {
    const s = new Script('en');
    s.say('Hello, I am Mark Jensen, a Danish investor. My company set up a food processing plant in Hekou Town and our production permit application has been stuck at the county market regulation bureau for 7 months with no answer. Can I file a complaint here?');
    expect(s.slots['respondent']).toBeUndefined();
    expect(s.slots['category']).toBe('market');
    s.say('The plant is in the Hekou industrial zone, No. 8 Binjiang Road. By the way, the complaint is against the County Market Regulation Bureau, not against a company. Do I need to come in person?');
    expect(s.slots['respondent']).toBe('the County Market Regulation Bureau');
    expect(s.slots['category']).toBe('market');
  });
});

describe('round I: names given later, a person already asked for', () => {
  it('"农资店" first, "丰收农资店" later: the named one stands', () => {
    const s = new Script();
    s.say('俺买的玉米种子是假的 苗都瞎了 俺要找农资店赔');
    s.say('东湖镇 孙家庄 种子是在镇上丰收农资店买的 老板姓钱');
    expect(s.slots['respondent']).toBe('丰收农资店');
  });
  it('"人工啥时候来" while waiting for a person says so', () => {
    const s = new Script();
    s.say('俺买的玉米种子是假的 苗都瞎了 俺要找农资店赔');
    s.say('转人工');
    s.say('东湖镇 孙家庄 人工啥时候来');
    expect(s.text).toMatch(/已在等待工作人员/);
  });
});

describe('round I: a retiree reports the village accountant', () => {
  it('"report the village accountant … money disappeared" is about an official, and anonymity is offered at once', () => {
    const s = new Script('en');
    s.say('good afternoon. i am retired, i lived in singapore for 30 years and came back to my home village. i want to report the village accountant, he has been taking money from the village collective funds, the road repair money 80000 yuan disappeared');
    expect(s.slots['category']).toBe('conduct');
    s.say('Donghu, Chenjia village. the accountant is Chen Youcai. can i stay anonymous? he is my cousin actually, family will be angry');
    expect(s.text).toMatch(/may be anonymous/);
  });
  it('"change the kind to reports against officials" is no name', () => {
    const s = new Script('en');
    s.say('the village head took our subsidy money');
    for (const a of ['Donghu, Chenjia village', 'return the money. about 30 families, I file for all', 'me only, no representatives', 'first time']) if (s.state.expecting !== 'name') s.say(a);
    s.say('change the kind to reports against officials, then I stay anonymous');
    expect(String(s.slots['name'] ?? '')).not.toMatch(/Reports/i);
  });
});

describe('round J (12 citizens through /api/chat, 2026-12-07)', () => {
  it('"扣车的是县交警大队" and "那三四个是砸摊的" are what was done to the citizen, no threat', () => {
    const s = new Script();
    s.say('我开出租的 上礼拜在城关镇汽车站门口等客 交警说我非法营运把车给扣了');
    s.say('我刚说了汽车站门口啊 扣车的是县交警大队的');
    expect(s.state.handoff?.reason).not.toBe('risk');
  });
  it('a mine named beside the place is whom; "不是老板 是…这个单位" opening the request is no part of it', () => {
    const s = new Script();
    s.say('俺男人在宏兴煤矿出事没了 矿上不给工伤赔偿');
    s.say('青石镇石门村 就是那个宏兴煤矿 老板姓赵');
    expect(s.slots['respondent']).toBe('宏兴煤矿');
    expect(s.slots['address']).toBe('石门村，宏兴煤矿');
    s.say('不是老板 是宏兴煤矿这个单位 俺就想让矿上把赔偿金按规定给了 一共说好的是八十多万');
    expect(s.slots['demands']).toMatch(/^俺就想让矿上/);
  });
  it('the mud in the water is no representative; "老周的电话是…" is that representative\'s phone, never the citizen\'s', () => {
    const s = new Script();
    s.say('我们村自打去年村北开了个采石场 井水全变黄了 烧开了底下一层黄泥 全村15户都吃这口井 我和邻居老周是大家推出来的代表 这事你们管吗');
    s.say('西山乡柳树沟村 另外代表是我和周长贵 不是啥黄泥 黄泥是说水里的');
    expect(s.slots['representatives']).toEqual([{ self: true, name: null, phone: null }, { self: false, name: '周长贵', phone: null }]);
    s.say('老周的电话是13703981166');
    expect(s.slots['phone']).toBeUndefined();
    expect((s.slots['representatives'] as { phone: string | null }[])[1]!.phone).toBe('13703981166');
  });
  it('"王老三家" is one family, and the men who smashed a stall are not those it concerns', () => {
    const a = new Script();
    a.say('俺家宅基地的界址叫村里往里挪了一米多 划给了隔壁王老三家 王老三他兄弟是村支书');
    expect(a.slots['peopleCount']).toBeUndefined();
    const b = new Script();
    b.say('我在城关镇菜市场门口摆摊卖菜 前天晚上来了三四个不认识的人 二话不说把我摊子砸了');
    expect(b.slots['peopleCount']).toBeUndefined();
  });
});

describe('round J, second part', () => {
  const well = () => {
    const s = new Script();
    s.say('村北采石场把井水弄黄了 全村15户吃这口井 西山乡柳树沟村');
    return s;
  };
  it('"代表是我和周长贵…" answers whether they file for all; a request naming whom is the request', () => {
    const s = well();
    expect(s.slots['respondent']).toMatch(/采石场/);
    s.say('要求采石场停工 给村里打新井');
    expect(s.slots['demands']).toBe('要求采石场停工 给村里打新井');
    s.say('我们代表大家 代表是我和周长贵13703981166');
    expect(s.slots['scope']).toBe('all');
  });
  it('an addition right after filing goes in at once, without the words about adding', () => {
    const s = well();
    for (const a of ['要求采石场停工 给村里打新井', '我们代表大家 代表是我和周长贵13703981166', '找过镇上 没用', '王秀英 13812345678', '跳过']) if (s.state.expecting !== 'confirm') s.say(a);
    s.say('提交');
    const submit = s.last.effects.find((e) => e.type === 'submit_petition');
    expect(submit).toBeDefined();
    s.event({ type: 'petition_submitted', intakeId: (submit as { draft: { intakeId: string } }).draft.intakeId, caseNumber: 'XF202612070001', queryCode: '12345678' });
    s.say('还有个事忘说了 上个月村里有两个娃喝了这水拉肚子住院了 这个能补上不');
    expect(s.text).toMatch(/XF202612070001/);
    const added = s.last.effects.find((e) => e.type === 'add_supplement') as { text: string } | undefined;
    expect(added?.text).toMatch(/住院了$/);
    expect(added?.text).not.toMatch(/忘说了|能补上不/);
  });
});

describe('round K (12 citizens, 43 misunderstandings in 121 messages, 0 false alarms)', () => {
  it('the bureau asked about is not whom; "被反映的是…" is whom whenever said, and the story is left alone', () => {
    const s = new Script();
    s.say('俺是寡妇 俺家老房子叫人给推了 啥手续都没有 俺想问问这事找谁');
    s.say('这个得先问清楚 你们信访局能管拆房子的事不 俺家在桃源乡杏花村');
    expect(s.slots['respondent']).toBeUndefined();
    s.say('房屋拆迁与住房呗 被反映的是杏花村村委会和桃源乡政府 不是信访局');
    expect(s.slots['respondent']).toBe('杏花村村委会和桃源乡政府');
    expect(s.slots['facts']).not.toMatch(/不是反映杏花村/);
  });
  it('a correction that says what to write keeps only that ("那一行不对 前面多了… 就写X")', () => {
    const s = new Script();
    s.say('俺家房子叫镇政府给扒了 一分钱没给 桃源乡杏花村');
    for (const a of ['房屋拆迁', '赔俺房子', '就俺自己', '找过乡里 没用', '赵桂兰 13783920145', '跳过']) if (s.state.expecting !== 'confirm') s.say(a);
    expect(s.state.expecting).toBe('confirm');
    s.say('被反映对象那一行不对 前面多了几个字 就写杏花村村委会和桃源乡政府');
    expect(s.slots['respondent']).toBe('杏花村村委会和桃源乡政府');
  });
  it('the one who did it is whom ("执业许可被卫健局吊销了"), not the clinic', () => {
    const s = new Script();
    s.say('我是村医 在北岭乡石门村干了二十年 卫生室的执业许可突然被卫健局吊销了 一个说法也没有');
    expect(s.slots['respondent']).toBe('卫健局');
  });
  it('a request is no place and no representative; "要学校处理…" is the request and leaves whom alone', () => {
    const s = new Script();
    s.say('我儿子在学校被同学打了 学校压着不处理 南河镇');
    s.say('要学校处理打人的孩子 给个公开说法 就我们一家');
    expect(s.slots['respondent']).toBe('学校');
    expect(s.slots['address']).toBeUndefined();
    expect(s.slots['demands']).toMatch(/^要学校处理/);
  });
  it("asked for the citizen's contact, one phone is theirs though a relative is named", () => {
    const s = new Script();
    s.say('俺老两口的农村养老金停了仨月了 西山乡沟里村 说是数据错了');
    const answers: Record<string, string> = { demands: '把养老金补发了', peopleCount: '就俺老两口', priorPetition: '去乡社保所问过 说是县里系统的事', respondent: '乡社保所', category: '社保', address: '沟里村' };
    for (let i = 0; i < 8 && s.state.expecting !== 'name'; i++) s.say(answers[s.state.expecting ?? ''] ?? '跳过');
    expect(s.state.expecting).toBe('name');
    s.say('俺叫田老根 老伴叫吴秀英 电话13462718830');
    expect(s.slots['phone']).toBe('13462718830');
  });
});

describe('round K: the first time here, but raised before', () => {
  it.each(['头一回 以前找过村支书 他说管不了', '没有 第一次找你们 去卫健局问过 他们说上面定的'])('%s is earlier handling, with its words kept', (answer) => {
    const s = new Script();
    s.say('俺家鱼塘叫养猪场的粪水给污染了 鱼都死了 河口镇');
    const answers: Record<string, string> = { address: '柳湾村', respondent: '养猪场', demands: '让养猪场赔鱼钱', peopleCount: '就俺一家', category: '环境污染' };
    for (let i = 0; i < 8 && s.state.expecting !== 'priorPetition'; i++) s.say(answers[s.state.expecting ?? ''] ?? '跳过');
    expect(s.state.expecting).toBe('priorPetition');
    s.say(answer);
    expect(s.slots['priorPetition']).toBe('earlier_petition');
    expect(String(s.slots['priorDetail'])).toMatch(/找过|问过/);
  });
});

describe('round L (12 citizens, 43 misunderstandings in 133 messages)', () => {
  it('"低保被取消了" is a matter, no command to cancel; "可以信访吗" is answered', () => {
    const s = new Script();
    s.say('低保被取消了');
    expect(s.state.forms.some((f) => f.form === 'intake')).toBe(true);
    const q = new Script();
    q.say('请问低保被取消了可以信访吗');
    expect(q.text).toMatch(/可以。/);
  });
  it('"我是代表那三十户反映的 不是只为我自己" is thirty households, for all', () => {
    const s = new Script();
    s.say('东湖镇新塘村有个养猪场 离我们住的地方不到两百米 天一热臭的没法开窗 苍蝇也多 去年夏天开始的一直到现在');
    s.say('让养猪场搬走或者把粪污处理好 我们这一片差不多三十来户都受影响');
    s.say('对 我代表大家 不过我们没几个人签字就我跟隔壁老王牵头');
    expect(s.slots['scope']).toBe('all');
    expect((s.slots['representatives'] as { name: string | null }[]).map((r) => r.name)).toEqual([null, '老王']);
    s.say('不是王牵头 是老王 王建国 他电话13912345678');
    expect(s.slots['phone']).toBeUndefined();
    expect((s.slots['representatives'] as { phone: string | null }[])[1]!.phone).toBe('13912345678');
  });
});

describe('round M (12 citizens, 75 misunderstandings in 169 messages)', () => {
  it('"俺是王家庄的" names a village, not the citizen; only its township is asked', () => {
    const s = new Script();
    s.say('你好 俺是王家庄的 村里修路占了俺家地 没给钱');
    expect(s.slots['name'] ?? null).toBeNull();
    expect(s.slots['address']).toBe('王家庄');
    expect(s.text).toMatch(/王家庄属于哪个乡镇/);
  });

  it('"身份证不带 以后再说" on the summary leaves it empty, with no guide', () => {
    const s = toSummary(new Script(), ['你好 俺是王家庄的 村里修路占了俺家地 没给钱', '河口镇', '就是要把补偿款给了', '就俺一家', '找过村支书 他说镇上没拨钱 让俺等', '俺叫王德福 电话13903851276']);
    s.say('身份证不带 以后再说');
    expect(s.state.expecting).toBe('confirm');
    expect(s.text).toMatch(/身份证号先空着/);
    expect(s.text).not.toMatch(/基本程序/);
  });

  it('a request said late replaces a "request" that told the story again, which joins the facts', () => {
    const s = new Script();
    s.say('你好 俺是王家庄的 村里修路占了俺家地 没给钱');
    s.say('河口镇');
    s.say('村里去年修水泥路 占了俺家一亩多地 说好给补偿 到现在一分没给');
    expect(s.state.expecting).toBe('peopleCount');
    s.say('就是要把补偿款给了');
    expect(s.slots['demands']).toBe('就是要把补偿款给了');
    expect(String(s.slots['facts'])).toMatch(/一亩多地/);
    expect(s.state.expecting).toBe('peopleCount');
  });

  it('representatives chosen answer "for all"; earlier handling said out of turn is taken; a representative added with a phone keeps the citizen\'s own', () => {
    const s = new Script();
    s.say('俺们西山乡柳树沟村 养猪场的粪水往河里排 臭得不行 全村都受害');
    s.say('让环保局来查 把养猪场关了');
    s.say('全村一百来户吧');
    s.say('俺和村里的赵老三当代表 他电话13623451234');
    expect(s.slots['scope']).toBe('all');
    s.say('之前找过乡里 乡里说管不了');
    expect(s.slots['priorPetition']).toBe('earlier_petition');
    toSummary(s, ['俺叫刘桂兰 13937261845']);
    s.say('代表再加一个 孙大明 电话15838274651');
    expect(s.slots['phone']).toBe('13937261845');
    expect((s.slots['representatives'] as { name: string | null; phone: string | null }[]).map((r) => r.phone)).toEqual([null, '13623451234', '15838274651']);
  });

  it('an anonymous reporter who gives a name after all files under it; the same name said again is said back', () => {
    const s = new Script();
    s.say('我要举报我们村支书马福成 他把村里的扶贫款揣自己兜里了 青石镇马沟村的');
    toSummary(s, ['查他 把钱追回来 就我自己', '没有 头一回', '匿名']);
    expect(s.slots['anonymous']).toBe(true);
    s.say('想了想还是留个名吧 马小军 13783365209 可别告诉马福成');
    expect(s.slots['anonymous']).toBe(false);
    expect(s.slots['name']).toBe('马小军');
    expect(s.slots['phone']).toBe('13783365209');
    s.say('不匿名了 名字写马小军');
    expect(s.slots['anonymous']).toBe(false);
    expect(s.text).toMatch(/已经是这样记的：姓名 马小军/);
  });

  it('who handles it, the court and the city are answered; "你咋不回答我" is no answer to the question', () => {
    const s = new Script();
    s.say('俺家低保被取消了 西山乡柳树沟村的');
    expect(s.state.expecting).toBe('respondent');
    s.say('这是归民政管还是归乡里管啊');
    expect(s.text).toMatch(/县民政局/);
    s.say('能不能去法院告啊');
    expect(s.text).toMatch(/直接起诉/);
    s.say('能不能去市里上访');
    expect(s.text).toMatch(/上一级机关/);
    s.say('你咋不回答我 纪委管不管');
    expect(s.slots['respondent']).toBeUndefined();
  });

  it('the citizen among the representatives before their name is known is "you"', () => {
    const s = new Script('en');
    s.say('hello i work at construction site in chengguan town, boss not pay us 4 month salary, we are 15 workers');
    s.say('its the xinhua road building site near the bus station');
    s.say('we want our money back, 4 months each');
    s.say('yes all 15 of us. me and my cousin Liu Qiang can be representative, his phone 13712345678');
    expect(s.text).toMatch(/Representatives you, Liu Qiang 13712345678/);
  });
});

describe('round M, values kept clean', () => {
  it.each([
    ['被反映的写孙德旺的养猪场 然后就提交', '孙德旺的养猪场'],
    ['被反映对象就写柳树沟村会计刘二 后面那句不要', '柳树沟村会计刘二'],
  ])('"%s" keeps no instruction in the value', (said, kept) => {
    const s = onSummary();
    s.say(said);
    expect(s.slots['respondent']).toBe(kept);
  });

  it('"别把电话写里头" names no field to correct', () => {
    const s = onSummary();
    const phone = s.slots['phone'];
    s.say('诉求改成 恢复低保 补发停的钱 别把电话写里头');
    expect(s.slots['demands']).toBe('恢复低保 补发停的钱');
    expect(s.slots['phone']).toBe(phone);
  });

  it('a party after 找过 or 跑了几趟 is the office, a hedged guess is the party guessed', () => {
    const s = new Script();
    s.say('俺是南河镇赵家洼的 俺的养老金这俩月少发了二百多 也没人说为啥');
    expect(s.state.expecting).toBe('respondent');
    s.say('那谁知道 应该是管发钱的吧 社保局？');
    expect(s.slots['respondent']).toBe('社保局');
    const t = new Script();
    t.say('俺是东湖镇王家庄村的 俺家地被征了 补偿款少给了一半 找过镇政府 他们推给县里');
    expect(t.slots['respondent']).toBe('镇政府');
  });

  it('every party listed is kept', () => {
    const s = new Script();
    s.say('我家房子在城关镇东关村 被划进拆迁范围了 评估的价太低 一平才给1800 周边商品房都卖五千多 没签字就来人断水断电');
    s.say('县城投公司搞的拆迁 还有城关镇拆迁办 带头的姓郑 叫啥不知道');
    expect(s.slots['respondent']).toBe('县城投公司、城关镇拆迁办');
  });

  it('"就我们一家 五口人" is the family alone: no representatives asked', () => {
    const s = new Script();
    s.say('我家房子在城关镇东关村 被划进拆迁范围了 评估的价太低 一平才给1800 周边商品房都卖五千多 没签字就来人断水断电');
    s.say('县城投公司搞的拆迁');
    s.say('重新评估 按市场价补偿 先把水电给恢复了 家里还有老人孩子 就我们一家 五口人');
    expect(s.slots['scope']).toBe('self');
    expect(s.state.expecting).not.toBe('representatives');
  });

  it('asked for representatives, "不是多人反映 就我们自己一家" takes the group back', () => {
    const s = new Script();
    s.say('我家房子在城关镇东关村 被划进拆迁范围了 评估的价太低 没签字就来人断水断电');
    s.say('县城投公司搞的拆迁');
    s.say('重新评估 按市场价补偿');
    s.say('五口人');
    if (s.state.expecting === 'peopleCount') s.say('都算上');
    expect(s.state.expecting).toBe('representatives');
    s.say('不是多人反映 就我们自己一家 一户 五口人是家里人口');
    expect(s.slots['scope']).toBe('self');
    expect(s.state.expecting).toBe('priorPetition');
  });

  it('a correction of earlier handling keeps every clause', () => {
    const s = onSummary();
    s.say('此前处理情况改成 去城关镇拆迁办找过两回 说价是评估公司定的 不给改');
    expect(s.slots['priorDetail']).toBe('去城关镇拆迁办找过两回 说价是评估公司定的 不给改');
  });

  it('"青苗补偿" is no representative; "俺黄淑珍 还有黄建设" lists the citizen', () => {
    const s = new Script();
    s.say('俺们南河镇黄河湾村跟旁边张庄村一共四十七户 2019年县里修高速占了俺们的地 每亩青苗补偿说好一千二 到现在还有一半没发 俺们选了三个代表 俺黄淑珍 还有黄建设 张红旗');
    const reps = s.slots['representatives'] as { self: boolean; name: string | null }[];
    expect(reps.map((r) => r.name)).toEqual(['黄淑珍', '黄建设', '张红旗']);
    expect(reps[0]!.self).toBe(true);
  });

  it('"boss name is Zhao Dehai" is not the citizen\'s name', () => {
    const s = new Script('en');
    s.say('hello, i work in chengguan town construction site, boss not pay my salary 4 months, boss name is Zhao Dehai, he is subcontractor');
    expect(s.slots['name'] ?? null).toBeNull();
  });
});

describe('round M, a village road', () => {
  const road = () => {
    const s = new Script();
    s.say('俺们村那条路烂的不成样了 下雨天三轮车都进不去 娃上学得走泥路 是北岭乡孙家坪村');
    return s;
  };

  it('the village is the place and a village road is a rural matter, not a school one', () => {
    const s = road();
    expect(s.slots['address']).toBe('孙家坪村');
    expect(s.slots['category']).toBe('rural');
  });

  it('"从村口到小学" names no party; "反映村委会吧 …" is the committee', () => {
    const s = road();
    s.say('修路的事归哪类俺哪知道 你看着办 对了地方是孙家坪村 从村口到小学那二里多地');
    expect(s.slots['respondent']).toBeUndefined();
    expect(s.slots['address']).toBe('孙家坪村');
    s.say('反映村委会吧 路是村里的 村主任孙有才说没钱修');
    expect(s.slots['respondent']).toBe('村委会');
  });

  it('"代表就俺自个" is the citizen as the one representative, and no part of the request', () => {
    const s = road();
    s.say('反映村委会');
    s.say('把路修成水泥路 全村一百四十多户都走这条路 俺就是替大伙说说 俺七十七了 代表就俺自个');
    expect(s.slots['demands']).toBe('把路修成水泥路');
    expect(s.slots['representatives']).toEqual([{ self: true, name: null, phone: null }]);
    expect(s.state.expecting).toBe('priorPetition');
  });

  it('a field said again as it stands goes to no other field; a representative who stops is replaced, not the draft', () => {
    const s = road();
    toSummary(s, ['反映村委会', '把路修成水泥路 全村一百四十多户都走这条路 俺就是替大伙说说 代表就俺自个', '找过乡里交通站 说列到明年计划了', '孙长山 15346679012']);
    const address = s.slots['address'];
    s.say('诉求改成把路修成水泥路');
    expect(s.slots['address']).toBe(address);
    expect(s.text).toMatch(/已经是这样记的/);
    s.say('代表换一下 孙长山不弄了 换成孙有福 13462200981');
    expect(s.state.expecting).toBe('confirm');
    expect((s.slots['representatives'] as { name: string | null }[]).map((r) => r.name)).toEqual(['孙有福']);
  });
});

describe('round M, whom the citizen speaks for', () => {
  it('"…一百四十多户都走这条路 代表就俺自个" files for all, with the citizen as the representative', () => {
    const s = new Script();
    s.say('俺们村那条路烂的不成样了 下雨天三轮车都进不去 娃上学得走泥路 是北岭乡孙家坪村');
    s.say('反映村委会');
    s.say('把路修成水泥路 全村一百四十多户都走这条路 代表就俺自个');
    expect(s.slots['scope']).toBe('all');
    expect(s.state.expecting).toBe('priorPetition');
  });
});

describe('round M, an English teacher', () => {
  const teacher = () => {
    const s = new Script('en');
    s.say('Hello, I am an English teacher at Qingshi Town Middle School. I want to report that the school charges students extra fees');
    return s;
  };

  it('"is this allowed … right?" and "will the principal know it is me?" are answered, not taken for the fee or free of charge', () => {
    const s = teacher();
    s.say('the school itself, Qingshi Town Middle School, on Xinhua Road. every student must pay 380 yuan for extra tutoring, this is not allowed for compulsory education right?');
    expect(s.text).toMatch(/for the unit in charge to decide/);
    s.say("Stop the illegal fees and refund to the families. About 600 students in the school. I am not the only one, but I report by myself, I don't want be representative. Will the principal know it is me?");
    expect(s.text).toMatch(/never shown to the person or office reported/);
    expect(s.slots['demands']).toBe('Stop the illegal fees and refund to the families.');
  });

  it('"should be only: …" and "make it …" keep the directive out of the place', () => {
    const s = teacher();
    toSummary(s, ['Xinhua Road', 'Stop the illegal fees and refund the families. Just me.', 'I told the principal, nothing changed.', 'Li Ming, phone 15890334127']);
    s.say('Place should be only: Xinhua Road near the middle school');
    expect(s.slots['address']).toBe('Xinhua Road near the middle school');
    s.say('the place still says it wrong, please make it Xinhua Road 12');
    expect(s.slots['address']).toBe('Xinhua Road 12');
  });
});

describe('round N (12 citizens, 49 misunderstandings in 129 messages)', () => {
  it('"俺是李庄镇王楼村的" is a place, not a name; "name is Jinxiu Garden" is a site', () => {
    const s = new Script();
    s.say('俺是李庄镇王楼村的 俺家地让征了 补偿款少给了 找过镇政府他们推给县里');
    expect(s.slots['name'] ?? null).toBeNull();
    expect(String(s.slots['facts'])).not.toMatch(/\[/);
    const e = new Script('en');
    e.say('boss not pay 13 workers 3 months, the building site is near bus station, name is Jinxiu Garden');
    expect(e.slots['name']).toBeUndefined();
  });

  it('"新农合就报了两千 人家都报一半多" counts nobody', () => {
    const s = new Script();
    s.say('闺女啊 俺住院花了一万多 新农合就报了两千 人家都报一半多 是不是弄错了');
    expect(s.slots['peopleCount']).toBeUndefined();
  });

  it('"不是告村委会 是告俺邻居马二狗" beside the township answers both', () => {
    const s = new Script();
    s.say('俺跟邻居家因为宅基地边界吵了好几年了 他家盖房把墙垒到俺家地上了 村里调解也没用');
    expect(s.state.expecting).toBe('township');
    s.say('南河镇马庄村 不是告村委会 是告俺邻居马二狗 村里就是调解了没调成');
    expect(s.slots['township']).toBe('南河镇');
    expect(s.slots['respondent']).toBe('邻居马二狗');
  });

  it('a bare introduction typed before it is asked is the citizen\'s own; "县里能管不" is answered', () => {
    const s = new Script();
    s.say('俺跟邻居家因为宅基地边界吵了好几年了 他家盖房把墙垒到俺家地上了');
    s.say('南河镇马庄村');
    s.say('马富贵 电话13703791588 这个县里能管不');
    expect(s.slots['name']).toBe('马富贵');
    expect(s.slots['phone']).toBe('13703791588');
    expect(s.text).toMatch(/可以。/);
  });

  it('whom keeps no "俺们" before it and no particle after it', () => {
    const s = new Script();
    s.say('俺是南河镇赵家洼的 俺的养老金这俩月少发了二百多 也没人说为啥');
    s.say('社保局嘛');
    expect(s.slots['respondent']).toBe('社保局');
  });

  it('the citizen named among the representatives and then as themself is listed once', () => {
    const s = new Script();
    s.say('我们村13户人家联名反映 村里修路占了我们的宅基地 一分钱没补 我是代表之一');
    s.say('桃源乡杨家湾村');
    s.say('按政策给补偿 或者把路改道');
    s.say('我 李红梅 13598761234 还有杨建国 13782345566');
    for (let i = 0; i < 3 && s.state.expecting !== 'confirm'; i++) s.say(s.state.expecting === 'priorPetition' ? '找过乡政府 推来推去' : '李红梅 13598761234');
    expect((s.slots['representatives'] as { name: string | null }[]).filter((r) => r.name === '李红梅')).toHaveLength(0);
    expect((s.slots['representatives'] as { self: boolean }[]).filter((r) => r.self)).toHaveLength(1);
  });

  it('"where exactly?" answered with where it was raised before is earlier handling, not the place', () => {
    const s = new Script();
    s.say('俺跟邻居家因为宅基地边界吵了好几年了 他家盖房把墙垒到俺家地上了');
    s.say('南河镇');
    expect(s.state.expecting).toBe('address');
    s.say('找过村里调解 也找过镇上司法所 都说让俺俩自己商量');
    expect(s.slots['address']).toBeUndefined();
    expect(s.slots['priorPetition']).toBe('earlier_petition');
  });
});

/** A citizen of 东湖镇 on the summary, asked phone and ID number together; the ID not given yet. */
function landOnSummary(): Script {
  const s = new Script();
  s.say('俺叫张老汉 东湖镇李家村的 村里修路把俺家2分地占了 一分钱没给');
  for (const answer of ['要求按标准补偿 就俺一家', '找过镇政府，他们推给县里', '13903851234']) if (s.state.expecting !== 'confirm') s.say(answer);
  expect(s.state.expecting).toBe('confirm');
  return s;
}

const submits = (s: Script) => s.last.effects.some((e) => e.type === 'submit_petition');

describe('round O (2026-12-07): filing holds while a change is pending', () => {
  it('"同意" to what they want is no request: asked again', () => {
    const s = new Script();
    s.say('俺叫张老汉 东湖镇李家村的 村里修路把俺家2分地占了 一分钱没给');
    expect(s.state.expecting).toBe('demands');
    s.say('同意');
    expect(s.slots['demands']).toBeUndefined();
    expect(s.state.expecting).toBe('demands');
  });

  it('"不给" on the summary after the phone question offered the ID number: the ID is declined', () => {
    const s = landOnSummary();
    s.say('不给');
    expect(s.slots['idNumber']).toBeNull();
    expect(s.text).toContain('身份证号先空着');
    expect(submits(s)).toBe(false);
  });

  it('a change to one field said beside another field\'s change: both are made', () => {
    const s = landOnSummary();
    s.say('被反映的是镇政府 诉求再加一句 要公开补偿标准');
    expect(s.slots['respondent']).toBe('镇政府');
    expect(s.slots['demands']).toBe('要求按标准补偿；要公开补偿标准');
  });

  it('a change we could not make, then "其他没问题": no filing', () => {
    const s = landOnSummary();
    s.say('地点再加一句，是村东头桥边。其他没问题');
    expect(submits(s)).toBe(false);
  });

  it('quoted words to strike are struck, and the 登记吧 inside them is no go-ahead', () => {
    const s = landOnSummary();
    s.say('诉求再加一句 我先在这登记吧');
    expect(s.slots['demands']).toBe('要求按标准补偿；我先在这登记吧');
    s.say('被反映对象就写镇政府，诉求前面那句“我先在这登记吧”去掉');
    expect(submits(s)).toBe(false);
    expect(s.slots['demands']).toBe('要求按标准补偿');
    expect(s.slots['respondent']).toBe('镇政府');
  });

  it('words struck that the field does not hold leave it as it is', () => {
    const s = landOnSummary();
    const before = s.slots['address'];
    s.say('地点把今年76了去掉');
    expect(s.slots['address']).toBe(before);
  });

  it('"是杏林村不是杏花村" keeps only the new place; the neighbour\'s name is not the citizen\'s', () => {
    const s = new Script();
    s.say('俺叫杨凤兰 桃源乡杏花村的 邻居二狗把俺家宅基地占了一块 垒了墙');
    for (const answer of ['要求把墙拆了 把地还给俺 就俺一家', '找村里调解过 村主任说你们自己商量', '13903851234', '不给']) if (s.state.expecting !== 'confirm' || answer === '不给') s.say(answer);
    s.say('村名说错了，是杏林村不是杏花村。邻居大名叫刘志刚，二狗是小名');
    expect(s.slots['address']).toBe('杏林村');
    expect(s.slots['name']).toBe('杨凤兰');
    s.say('地点就写杏林村三个字，后面那些不要');
    expect(s.slots['address']).toBe('杏林村');
  });

  it('asked where, told what they want and "just me": the request without the count, the count kept', () => {
    const s = new Script('en');
    s.say('My name is Tom Lee, Chengguan Town, my landlord locked me out and kept my deposit of 3000 yuan');
    expect(s.state.expecting).toBe('address');
    s.say('I want my deposit back, just me');
    expect(s.slots['demands']).toBe('I want my deposit back');
    expect(s.slots['peopleCount']).toBe(1);
  });

  it('asking whether a person can help hands over without the "say human" text; "不用转人工了" goes on filing', () => {
    const s = new Script();
    s.say('我叫何建平 青石镇后营村的 邻居马振山把俺家出路堵了');
    const asked = s.state.expecting;
    s.say('我能不能找个真人说说？');
    expect(s.text).not.toContain('说"转人工"我就帮您转接');
    expect(s.last.effects.some((e) => e.type === 'request_handoff')).toBe(true);
    s.say('算了不用转人工了');
    expect(s.state.expecting).toBe(asked);
    expect(s.state.forms).toHaveLength(1);
    expect(s.last.effects).toContainEqual({ type: 'withdraw_handoff' });
    expect(s.state.handoff).toBeNull();
  });
});

describe('round O (2026-12-07): values that are not what they look like', () => {
  it('a phone and an ID number typed while the place is asked never become the place', () => {
    const s = new Script();
    s.say('我叫孙丽 南河镇的 我妈在镇卫生院做手术 医保不给报销');
    for (const answer of ['要求按政策报销 就我妈一个人', '找过医保局 说材料不全', '13598761234 身份证号412728195809172049']) s.say(answer);
    expect(String(s.slots['address'] ?? '')).not.toMatch(/\d{6}/);
    expect(s.slots['phone']).toBe('13598761234');
  });

  it('a phone typed with a space between every digit is a phone', () => {
    const s = new Script();
    s.say('俺叫李秀英 河口镇的 学校乱收补课费');
    for (let i = 0; i < 6 && s.state.expecting !== 'phone' && s.state.expecting !== 'confirm'; i++) s.say(['河口镇中心小学', '要求退钱 就俺孙子', '没找过 第一次'][i] ?? '跳过');
    s.say('1 3 9 0 3 8 5 6 6 1 2');
    expect(s.slots['phone']).toBe('13903856612');
  });

  it('"这个不是欠薪啊，是租房押金" changes the kind of matter; a landlord\'s deposit is housing', () => {
    const s = new Script();
    s.say('我叫陈晓雨 城关镇的 包工头跑了欠了俺工钱');
    expect(s.slots['category']).toBe('labor');
    s.say('这个不是欠薪啊，是租房押金');
    expect(s.slots['category']).toBe('housing');
    const en = new Script('en');
    en.say("My name is David Miller, Chengguan Town. My landlord won't give back my deposit");
    expect(en.slots['category']).toBe('housing');
  });

  it('a request said while whom is asked is the request, not whom; a neighbour named in the story is whom', () => {
    const s = new Script();
    s.say('我叫何建平 青石镇后营村的 邻居马振山把俺家出路堵了');
    expect(s.slots['respondent']).toBe('邻居马振山');
    const t = new Script();
    t.say('我叫何建平 青石镇后营村的 俺家出路被堵了');
    expect(t.state.expecting).toBe('respondent');
    t.say('要求把路让出来 就俺一家');
    expect(t.slots['respondent']).toBeUndefined();
    expect(t.slots['demands']).toBe('要求把路让出来');
  });
});

describe('round O (2026-12-07): the representatives\' list and a party named later', () => {
  /** Kevin Lin's river on the summary with three representatives. */
  function river(): Script {
    const s = new Script('en');
    s.say('My name is Kevin Lin. A chemical factory in Donghu Town is polluting the river, 60 households are affected');
    const answers: Record<string, string> = {
      address: 'Shiqiao village',
      demands: 'stop the pollution and compensate the fish farmers',
      scope: 'for all of them',
      representatives: 'the representatives are me 18834526671, Li Wei 13677120934 and Chen Hong',
      priorPetition: 'we complained to the environment bureau twice, nothing happened',
      phone: '18834526671',
      idNumber: 'skip',
    };
    for (let i = 0; i < 12 && s.state.expecting !== 'confirm'; i++) s.say(answers[s.state.expecting ?? ''] ?? 'skip');
    expect(s.state.expecting).toBe('confirm');
    expect(s.slots['representatives']).toHaveLength(3);
    return s;
  }
  const names = (s: Script) => (s.slots['representatives'] as { name: string | null; self: boolean; phone: string | null }[]).map((r) => (r.self ? 'self' : `${r.name} ${r.phone ?? ''}`.trim()));

  it('"only me and Li Wei" replaces the list, keeps Li Wei\'s phone, and a sentence about the factory is no representative', () => {
    const s = river();
    s.say('the representatives are only me and Li Wei. The factory is Hengda Chemical');
    expect(names(s)).toEqual(['self', 'Li Wei 13677120934']);
  });

  it('"Please remove Chen Hong from the representatives" drops that one', () => {
    const s = river();
    s.say('Please remove Chen Hong from the representatives');
    expect(names(s)).toEqual(['self', 'Li Wei 13677120934']);
  });

  it('a kind of party named later gets its name: "The factory is called …", "房东叫黄丽华"', () => {
    const en = new Script('en');
    en.say('My name is Kevin Lin. A chemical factory in Donghu Town is polluting the river, 60 households are affected');
    en.say('Shiqiao village. The factory is called Hengda Chemical');
    expect(en.slots['respondent']).toBe('Hengda Chemical');
    const zh = new Script();
    zh.say('我叫陈晓雨 城关镇的 房东不退押金');
    zh.say('房东叫黄丽华，在城关镇幸福小区');
    expect(zh.slots['respondent']).toBe('房东黄丽华');
  });
});

/** Daniel Hughes's deposit, on the summary (English). */
function deposit(): Script {
  const s = new Script('en');
  s.say('My name is Daniel Hughes, Chengguan Town. My landlord kept my deposit of 5000 yuan when I moved out of the flat in Jiayuan compound last month, he says the walls were dirty');
  const answers: Record<string, string> = { address: 'Wenhua Road, building 12 of Jiayuan residential compound', demands: 'give my deposit back, just me', peopleCount: 'just me', priorPetition: 'no, first time', phone: '13903851234', idNumber: 'skip' };
  for (let i = 0; i < 10 && s.state.expecting !== 'confirm'; i++) s.say(answers[s.state.expecting ?? ''] ?? 'skip');
  expect(s.state.expecting).toBe('confirm');
  return s;
}

describe('round P (2026-12-07): a long story is changed inside, never replaced by a few words', () => {
  it('"In What happened change 5000 yuan to 6000 yuan" changes the amount inside the story', () => {
    const s = deposit();
    s.say('In What happened change 5000 yuan to 6000 yuan');
    expect(s.slots['facts']).toContain('deposit of 6000 yuan when I moved out');
  });

  it('"What happened still says last month, it should say in October." leaves the story whole', () => {
    const s = deposit();
    const before = String(s.slots['facts']);
    s.say('What happened still says last month, it should say in October.');
    expect(String(s.slots['facts']).length).toBeGreaterThanOrEqual(before.length - 10);
  });
});

describe('round P (2026-12-07): a neighbour\'s names', () => {
  it('"邻居叫陈老三，大名陈守义" is whom, by the formal name, and never the citizen', () => {
    const s = new Script();
    s.say('俺家门口的路被堵了');
    s.say('青石镇王庄村，邻居叫陈老三，大名陈守义');
    expect(s.slots['name'] ?? null).toBeNull();
    expect(s.slots['respondent']).toBe('邻居陈守义');
    expect(s.slots['address']).toBe('王庄村');
  });
});

describe('round P (2026-12-07): a bare value on the summary', () => {
  it('"3 people" and "People affected: 2" change the count', () => {
    const s = deposit();
    s.say('3 people');
    expect(s.slots['peopleCount']).toBe(3);
    s.say('People affected: 2');
    expect(s.slots['peopleCount']).toBe(2);
  });

  it('a phone number alone changes the phone', () => {
    const s = deposit();
    s.say('13677120934');
    expect(s.slots['phone']).toBe('13677120934');
  });
});

describe('round O (2026-12-07): after a filing', () => {
  it('"我还没让你提交呢，诉求那句还没改" goes to the filed case as material, not a new petition', () => {
    const s = landOnSummary();
    s.say('提交');
    const submit = s.last.effects.find((e) => e.type === 'submit_petition');
    expect(submit).toBeDefined();
    s.event({ type: 'petition_submitted', intakeId: (submit as { draft: { intakeId: string } }).draft.intakeId, caseNumber: 'XF202612070016', queryCode: '123456' });
    s.say('我还没让你提交呢，诉求那句还没改 要写上公开补偿标准');
    expect(s.text).toContain('XF202612070016');
    expect(s.state.forms.every((f) => f.form !== 'intake')).toBe(true);
  });
});

describe('session of 2026-12-07 evening: answers beside the question', () => {
  it('a name and a phone typed when the story is asked fill their fields, and the story is still asked', () => {
    const s = new Script();
    s.say('我要反映问题');
    expect(s.state.expecting).toBe('facts');
    s.say('我叫李秀英，电话13912345678');
    expect(s.slots).toMatchObject({ name: '李秀英', phone: '13912345678' });
    expect(s.slots['facts']).toBeUndefined();
    expect(s.slots['category']).toBeUndefined();
    expect(s.state.expecting).toBe('facts');
  });

  it('on the summary a "是…" that says more than yes is a change, never the go-ahead (round Q, citizen 11)', () => {
    const s = new Script();
    for (const m of ['俺要反映河口镇杨树屯砖厂噪音的事，晚上也开机器，吵得睡不着', '砖厂', '让他晚上停工', '就俺家', '没反映过', '王桂兰 13512345678']) s.say(m);
    if (s.state.expecting !== 'confirm') s.say('跳过');
    expect(s.state.expecting).toBe('confirm');
    s.say('是杨树屯东头那个红砖厂 不是随便哪个砖厂');
    expect(s.last.effects.some((e) => e.type === 'submit_petition')).toBe(false);
    expect(s.state.forms.some((f) => f.form === 'intake')).toBe(true);
    s.say('是的，都对');
    expect(s.last.effects.some((e) => e.type === 'submit_petition')).toBe(true);
  });

  it('in English: a story, an office, a count and "never went anywhere" typed while the place is asked are each taken where they belong', () => {
    const s = new Script('en');
    s.say('I want to complain about my pension');
    expect(s.state.expecting).toBe('township');
    s.say('My pension stopped in March, the social security office says my papers are missing');
    expect(s.text).not.toMatch(/could not find a township/);
    expect(String(s.slots['facts'])).toContain('papers are missing');
    s.say('the social security bureau');
    expect(s.slots['respondent']).toBe('social security bureau');
    expect(s.text).not.toMatch(/could not find a township/);
    s.say('just me');
    expect(s.slots['peopleCount']).toBe(1);
    s.say('never went anywhere before');
    expect(s.slots['priorPetition']).toBe('none');
  });

  it('questions about an appeal and the records are answered, and a question never joins the story', () => {
    const s = new Script('en');
    s.say('I want to complain about my pension, it stopped in March and the social security bureau says my papers are missing');
    const facts = s.slots['facts'];
    s.say('Do I have the right to appeal if they say no?');
    expect(s.text).toMatch(/review within 30 days/);
    expect(s.slots['facts']).toBe(facts);
    const z = new Script();
    z.say('我要反映养猪场的问题，村东头的养猪场臭得很，粪水直接排到河里');
    z.say('我能看到处理记录吗？');
    expect(z.text).toContain('查进度');
    expect(z.text).not.toContain('您的义务');
    z.say('对答复不满意怎么办？');
    expect(z.text).toContain('复查');
  });

  it('"我是东湖镇李家村的李德旺，电话…" gives the name and phone; two corrections in one message both land (round Q, citizens 1, 9, 12)', () => {
    const s = new Script();
    for (const m of ['我是东湖镇李家村的李德旺，电话13907715260，村里修公路占了俺家三亩二分地，镇政府一直不给补偿', '要求按标准补偿', '就俺一户', '找过镇政府，他们推给县里', '跳过']) s.say(m);
    expect(s.slots).toMatchObject({ name: '李德旺', phone: '13907715260' });
    expect(s.state.expecting).toBe('confirm');
    s.say('电话错了，是13907715263。还有被反映的不光是镇政府，是东湖镇政府和县交通局');
    expect(s.slots['phone']).toBe('13907715263');
    expect(String(s.slots['respondent'])).toContain('县交通局');
    expect(s.last.effects).toEqual([]);
  });

  it('a representative\'s phone said by nickname never becomes the citizen\'s; "电话…，还有不是12户，是13户" changes both (round Q, citizen 12)', () => {
    const s = new Script();
    for (const m of ['我是青石镇柳树湾村的胡春生，电话13397214480，村里停水一个月了，水管坏了没人修', '要求赶紧把水管修好通水', '停水的一共12户', '是']) s.say(m);
    expect(s.state.expecting).toBe('representatives');
    s.say('就我和胡大海，大海电话15173346690');
    expect(s.slots['phone']).toBe('13397214480');
    expect(s.slots['representatives']).toEqual([expect.objectContaining({ self: true }), expect.objectContaining({ name: '胡大海', phone: '15173346690' })]);
    for (const m of ['没有反映过', '跳过']) s.say(m);
    expect(s.state.expecting).toBe('confirm');
    s.say('电话错了，我的电话是13807462219，还有不是12户，是13户');
    expect(s.slots).toMatchObject({ phone: '13807462219', peopleCount: 13 });
  });

  it('in English on the summary: "The request. It should say: …", "People affected: 300 households", "For all of them", "I want to change the people affected" (round Q, citizens 2, 8)', () => {
    const s = new Script('en');
    for (const m of ['My name is Wang Dachun, phone 13655021480. 13 of us worked on the new apartment project on Xinhua Road in Chengguan, the boss is Zhao Jianguo of Hongda Construction and he has not paid us 186,000 yuan since June.', 'We want our wages paid', 'Representatives: me and Li Ming 13812345678', 'We went to the labour bureau twice, nobody answered', 'Xinhua Road apartment site', 'skip']) s.say(m);
    expect(s.state.expecting).toBe('confirm');
    expect(s.slots['respondent']).toBe('Zhao Jianguo of Hongda Construction');
    s.say('The request. It should say: pay all 13 of us before the Spring Festival');
    expect(s.slots['demands']).toBe('pay all 13 of us before the Spring Festival');
    s.say('People affected: 300 households, on behalf of all of them');
    expect(s.slots).toMatchObject({ peopleCount: 300, peopleUnit: 'households', scope: 'all' });
    s.say('For all of them');
    expect(s.text).toMatch(/already what it says/);
    s.say('I want to change the people affected');
    expect(s.state.expecting).toBe('peopleCount');
    expect(s.slots['demands']).toBe('pay all 13 of us before the Spring Festival');
  });

  it('remarks beside the request stay out of it; a neighbour who narrowed the citizen\'s road is no blockade; village mediation is earlier handling (round Q, citizens 5, 7, 12)', () => {
    const s = new Script();
    s.say('你好同志，我是南河镇河西村的陈秀英，电话13687745120。我家隔壁邻居马二虎今年开春砌院墙，往我家这边占了快一米，把我家出门的路都堵窄了，三轮车都推不出去。我跟他理论，他说地是他家的，还骂人。村里调解过一回，他根本不听。');
    expect(s.last.effects.some((e) => e.type === 'request_handoff')).toBe(false);
    expect(s.slots).toMatchObject({ name: '陈秀英', phone: '13687745120', priorPetition: 'earlier_petition' });
    s.say('我没想干啥过激的事啊，我就是想讲理。我要求让他把墙拆了退回原来的界线，就我们一家');
    expect(s.slots['demands']).toBe('我要求让他把墙拆了退回原来的界线');
    const z = new Script();
    z.say('我要举报北岭乡石门村的支书刘长海，把上面拨下来的扶贫款挪去给他小舅子盖房子');
    z.say('那我匿名。要求查查村里的账，把钱追回来');
    expect(z.slots).toMatchObject({ anonymous: true, demands: '要求查查村里的账，把钱追回来' });
  });

  it('in English: "to school" is no party, "The complaint is about …" replaces a guess, a remark about dinner stays out of the earlier handling, "I\'m back. I\'m …, 186…" is read (round Q, citizen 8)', () => {
    const s = new Script('en');
    s.say("I'm writing about the road between Hejia village and the Taoyuan township centre. It has been broken for two years, the buses stopped coming and the kids walk 5 km to school.");
    expect(s.slots['respondent']).toBeUndefined();
    s.say('The complaint is about the township government');
    expect(s.slots['respondent']).toBe('the township government');
    for (const m of ['repair the road before winter', 'About 300 households, for all of them']) s.say(m);
    s.say("The village committee wrote to the township twice, no answer. I need to go cook dinner now, I'll come back in a bit.");
    expect(s.slots['priorDetail']).toBe('The village committee wrote to the township twice, no answer.');
    s.say("ok I'm back. I'm He Dawei (David), 18607341290");
    expect(s.slots).toMatchObject({ name: 'He Dawei', phone: '18607341290' });
  });

  it('a question about another matter is answered for that matter and changes nothing; "被反映对象是X，不是Y" keeps X alone (round Q, citizen 10)', () => {
    const s = new Script();
    s.say('我家在城关镇老街，去年说要搞棚户区改造，拆迁办的人来量了房子，给的补偿标准是每平米两千一，可同一条街前年拆的都给了三千五。我们不签，上个月他们就把水电给停了');
    expect(s.slots).toMatchObject({ address: '老街', respondent: '拆迁办', category: 'housing' });
    s.say('先问个别的，办低保去哪个窗口？');
    expect(s.text).toContain('民政');
    s.say('我问的是低保，不是拆迁。算了，回头再说低保。接着说拆迁：要求按同一条街前年的标准三千五补偿，先把水电恢复。我们这片没签的有二十三户');
    expect(s.slots).toMatchObject({ respondent: '拆迁办', category: 'housing', demands: '要求按同一条街前年的标准三千五补偿，先把水电恢复。' });
    expect(String(s.slots['facts'])).not.toContain('低保');
    s.say('被反映对象是拆迁办，不是低保办');
    expect(s.slots['respondent']).toBe('拆迁办');
  });

  it('in English: an unrelated question is no question of how long, its remark no place; "(I go by Emma)" is no part of the name; two labelled changes in one message both land (round Q, citizens 4, 8)', () => {
    const s = new Script('en');
    s.say('hi. the school bus for our kids in Nanhe town is overcrowded, 50 kids in a 19 seat minibus, and the driver drives fast on the mountain road.');
    const asked = s.state.expecting;
    s.say('By the way, do you know when the county hospital is open on Sundays? My mother needs a checkup.');
    expect(s.text).not.toMatch(/within 15 days/);
    expect(s.slots['address']).toBeUndefined();
    expect(s.state.expecting).toBe(asked);
    s.say("what's the weather going to be like tomorrow?");
    expect(s.text).not.toMatch(/handled by/);
    for (const m of ['the route from Shangwan village to Nanhe Central Primary School', 'We want a proper bus with enough seats and a safe driver', 'For all the families', 'me and another mother, Chen Xiaoyan, 18736459021', 'we told the headmaster last term, he said it is not his business']) s.say(m);
    s.say('Zhou Mei (I go by Emma), 13822904417');
    expect(s.slots).toMatchObject({ name: 'Zhou Mei', phone: '13822904417' });
    while (s.state.expecting !== 'confirm') s.say('skip');
    s.say('And the complaint is against the bus contractor, not the school.');
    expect(s.slots['respondent']).toBe('bus contractor');
    s.say('Complaint against: the private school bus contractor. Request: a proper bus and a careful driver.');
    expect(s.slots).toMatchObject({ respondent: 'the private school bus contractor', demands: 'a proper bus and a careful driver.' });
    s.say('Request: a proper bus and a careful driver.');
    expect(s.text).toMatch(/already what it says/);
  });

  it('"就我自己" asked whom is the count, not the party; "电话说错了，应该是139…" corrects the citizen\'s phone', () => {
    const s = new Script();
    for (const m of ['俺家的承包地被村里收回去给别人种了，也不给个说法，种粮补贴也没发', '东湖镇张庄村', '要求把地还给俺，把补贴补发了']) s.say(m);
    expect(s.state.expecting).toBe('respondent');
    s.say('就我自己');
    expect(s.slots['respondent']).toBeUndefined();
    expect(s.slots['peopleCount']).toBe(1);
    while (s.state.expecting !== 'confirm') s.say(s.state.expecting === 'name' ? '王秀芝，13812345678' : '跳过');
    s.say('电话说错了，应该是13987654321');
    expect(s.slots['phone']).toBe('13987654321');
  });

  it('the request keeps out the representatives, where it went before and a "but" about the count; "付清" is no representative; asking for an expert is no call for a person (round R)', () => {
    const a = new Script();
    a.say('俺家男人在砖厂干活把腿砸断了，老板不给看病钱，俺是河口镇杨树屯的');
    while (a.state.expecting !== 'demands' && a.state.expecting !== 'confirm') a.say(a.state.expecting === 'category' ? '工伤' : '跳过');
    a.say('要老板把医药费和工伤赔偿给了，就俺一家。找过镇上劳动所，他们推给县里');
    expect(a.slots).toMatchObject({ demands: '要老板把医药费和工伤赔偿给了', priorPetition: 'earlier_petition', peopleCount: 1 });
    const b = new Script();
    b.say('镇里拖欠安置款，城关镇新村');
    while (b.state.expecting !== 'demands') b.say(b.state.expecting === 'category' ? '安置款' : '镇政府');
    b.say('要求按协议把剩下的安置款一次付清，再给延期的利息。一共二十户，代表是我陈永年，电话13523478810，还有周桂芝，电话13623478811');
    expect(b.slots['demands']).toBe('要求按协议把剩下的安置款一次付清，再给延期的利息。');
    expect((b.slots['representatives'] as { name: string | null }[]).map((r) => r.name)).toEqual(['陈永年', '周桂芝']);
    const c = new Script();
    c.say('隔壁挖地基把俺家东墙挖裂了，北岭乡赵家洼');
    c.say('让他家给俺把墙修好，再找人来鉴定一下房子还能不能住。就俺一家，四口人');
    expect(String(c.slots['demands'])).toContain('鉴定');
    expect(c.text).not.toContain('转人工');
    const d = new Script('en');
    d.say('My landlord keeps my deposit, Building 4 of Xinhua Garden on Renmin Road in Chengguan');
    d.say('I just want my 3000 back. Just me and my husband, but the lease is in my name.');
    expect(d.slots).toMatchObject({ demands: 'I just want my 3000 back.', peopleCount: 2 });
  });

  it('"OK never mind. We want …" is no wish to stop; an unrelated hukou question is no question of cost; "Two corrections: Old Zhou\'s number …, and it\'s 32 households, not 31" (round R, citizen 12)', () => {
    const s = new Script('en');
    s.say('The cement plant next to Xiwan village in Xishan township covers our houses and vegetable fields with grey dust every day.');
    s.say('Sorry, unrelated question first: where do I apply for a new hukou booklet in the county?');
    expect(s.text).not.toMatch(/free of charge/);
    s.say('OK never mind. We want the plant to install proper dust filters and stop running at night. It is 31 households in Xiwan. Our representatives are Old Zhou (Zhou Deming, 13937125580) and Wu Lan, 15136620478.');
    expect(s.state.expecting).not.toBe('confirm');
    expect(s.slots).toMatchObject({ peopleCount: 31, demands: 'We want the plant to install proper dust filters and stop running at night.' });
    while (s.state.expecting !== 'confirm') s.say(s.state.expecting === 'name' ? 'Maria Wu, 18803712459' : s.state.expecting === 'peopleCount' ? 'for all of them' : 'skip');
    s.say("Two corrections: Old Zhou's number is actually 13937125508, and it's 32 households, not 31 - the Lis moved back last month.");
    expect(s.slots['peopleCount']).toBe(32);
    expect(s.slots['representatives']).toContainEqual(expect.objectContaining({ name: 'Zhou Deming', phone: '13937125508' }));
  });

  it('an ID number with a letter O or a wrong check digit is said to be wrong wherever it is typed; "没反映过" is no answer to "for all of them?"; representatives named with the count speak for all (round R, citizens 3, 5)', () => {
    const s = new Script();
    for (const m of ['你好 我想问下 俺的养老金咋这个月没发', '南河镇张庄村', '南河镇社保所', '恢复发放，补发这个月的', '就俺自己', '没反映过']) s.say(m);
    s.say('李秀兰 电话15837620941 身份证4127231953O3154826');
    expect(s.text).toContain('校验位');
    while (s.state.expecting !== 'confirm') s.say('跳过');
    s.say('身份证号是412723195303154826');
    expect(s.text).toContain('校验位');
    s.say('身份证俺再看看……最后一位是9，412723195303154829');
    expect(s.slots['idNumber']).toBe('412723195303154829');
    const g = new Script();
    for (const m of ['村东的采石场把俺们村的井水弄浑了，吃不成了，青石镇石门村', '要求采石场停产整改，给村里打口新井']) g.say(m);
    g.say('全村四十户，代表是周长福，电话13912345678');
    expect(g.slots).toMatchObject({ peopleCount: 40, scope: 'all' });
    while (g.state.expecting !== 'confirm') g.say(g.state.expecting === 'name' ? '周长福 13912345678' : g.state.expecting === 'priorPetition' ? '没反映过' : '跳过');
    g.say('被反映的是宏达石料厂，不是光写采石场；另外不是40户，是43户');
    expect(g.slots).toMatchObject({ respondent: '宏达石料厂', peopleCount: 43, scope: 'all' });
  });

  it('in English: an office guessed at is whom, an imperative is the request, the family named beside the count stays out of it, "I\'d rather not give my ID number" beside the contact declines it, "Two fixes: … And place should be just "…"" (round S, citizen 2)', () => {
    const s = new Script('en');
    s.say('My son is disabled and his allowance stopped in September, we live in Nanhe town');
    s.say('The civil affairs office in the township told us to ask the county, the county told us to ask the township.');
    expect(s.slots['priorPetition']).toBe('earlier_petition');
    s.say('I guess the Nanhe civil affairs office.');
    expect(s.slots['respondent']).toBe('Nanhe civil affairs office');
    expect(s.slots['address']).toBeUndefined();
    s.say("Restore the allowance and pay the missed months. It's just my family, my son and me.");
    expect(s.slots['demands']).toBe('Restore the allowance and pay the missed months.');
    s.say("Li Hua 13812345678. I'd rather not give my ID number.");
    expect(s.slots).toMatchObject({ name: 'Li Hua', phone: '13812345678', idNumber: null });
    while (s.state.expecting !== 'confirm') s.say('skip');
    s.say('Two fixes: complaint against should be "the county civil affairs bureau". And place should be just "Shangyuan village".');
    expect(s.slots).toMatchObject({ address: 'Shangyuan village', respondent: 'the county civil affairs bureau' });
  });

  it('"杏花村。不知道是谁停的，可能是社保所" is the place and whom; "刚才不是说了吗，…" stays out of the earlier handling; "Sorry, I have to take my medicine now, I\'ll come back in a bit." keeps the draft (round S)', () => {
    const s = new Script();
    s.say('俺的养老金三个月没发了，俺是东湖镇的');
    s.say('杏花村。不知道是谁停的，可能是社保所');
    expect(s.slots).toMatchObject({ address: '杏花村', respondent: '社保所' });
    while (s.state.expecting !== 'priorPetition' && s.state.expecting !== 'confirm') s.say(s.state.expecting === 'demands' ? '恢复发放，补发欠的 就俺自己' : '跳过');
    expect(s.state.expecting).toBe('priorPetition');
    s.say('刚才不是说了吗，找过村支书好几回，他说管不了');
    expect(s.slots['priorDetail']).toBe('找过村支书好几回，他说管不了');
    const e = new Script('en');
    e.say('The bus route to our village was cancelled in May, Shangyuan village in Taoyuan');
    const asked = e.state.expecting;
    e.say("Sorry, I have to take my medicine now, I'll come back in a bit.");
    expect(e.state.expecting).toBe(asked);
    expect(e.text).toMatch(/no hurry/);
  });

  it('"不过就俺自己来反应" is for themself; "地点就是杏花村二组，后头那个社保所删了" keeps the new place; "诉求再加一条：…" adds to the request; a bare office asked what they want is no request (round S)', () => {
    const s = new Script();
    s.say('俺的养老金三个月没发了，俺是东湖镇杏花村的，可能是社保所卡住了');
    s.say('社保所');
    expect(s.slots['demands']).toBeUndefined();
    s.say('恢复发放，把欠的补上');
    s.say('挨着的有十来户，不过就俺自己来反应');
    expect(s.slots).toMatchObject({ scope: 'self', peopleCount: 1 });
    while (s.state.expecting !== 'confirm') s.say(s.state.expecting === 'name' ? '王桂花 13912345678' : s.state.expecting === 'priorPetition' ? '没反映过' : '跳过');
    s.say('地点就是杏花村二组，后头那个社保所删了。诉求再加一条：以后按时发');
    expect(s.slots['address']).toBe('杏花村二组');
    expect(String(s.slots['demands'])).toMatch(/^恢复发放，把欠的补上；以后按时发$/);
  });

  it('a question closing the first message is answered and kept out of the story; a culvert blocked by road builders is no blockade; after a hand-over for danger "不用转人工" goes on filing while the person still comes (round T)', () => {
    const e = new Script('en');
    e.say('The township school has not paid my rural teacher subsidy for eight months, I teach at Hekou Central Primary School. Will my principal find out that I complained?');
    expect(e.text).toMatch(/never shown to the person or office reported/);
    expect(String(e.slots['facts'])).not.toMatch(/principal find out/);
    const z = new Script();
    z.say('俺要举报西山乡王庄村支书收了俺们的钱才批宅基地，每家收两千，能匿名不？俺怕他报复');
    expect(z.slots['facts']).toBe('俺要举报西山乡王庄村支书收了俺们的钱才批宅基地，每家收两千，俺怕他报复');
    const c = new Script();
    c.say('南河镇李庄村南头那个涵洞让修高速的堵死了，一下雨水就往村里灌');
    expect(c.last.effects.some((x) => x.type === 'request_handoff')).toBe(false);
    const r = new Script();
    r.say('南河镇李庄村的涵洞堵死了，一下雨水就往村里灌，再不管我就跟他们拼了');
    expect(r.state.handoff?.reason).toBe('risk');
    r.say('俺没想干啥过激的，就是着急。不用转人工。算农业的吧，一共是14户');
    expect(r.text).toContain('接着登记');
    expect(r.text).not.toContain('您已在等待');
    expect(r.state.handoff?.reason).toBe('risk');
    expect(r.slots['peopleCount']).toBe(14);
  });

  it('"代表是我王建国" with the count names the citizen as the one representative; "还有人数我刚数了，是126户" and "是130户，不是126户" correct the count; "事情经过没写全，要加上：…" adds and "地点写细点，…" takes the place (round T)', () => {
    const s = new Script();
    for (const m of ['东湖镇中心小学围墙外面上个月新立了一个移动信号塔，离教室不到二十米，家长们都担心辐射', '东湖镇中心小学东墙外', '中国移动', '要求把信号塔挪走']) s.say(m);
    s.say('全村一百二十户，代表是我王建国，电话13912345678');
    expect(s.slots).toMatchObject({ peopleCount: 120, scope: 'all', name: '王建国', phone: '13912345678' });
    expect(s.slots['representatives']).toEqual([expect.objectContaining({ self: true })]);
    while (s.state.expecting !== 'confirm') s.say(s.state.expecting === 'priorPetition' ? '没反映过' : '跳过');
    s.say('有两处要改：被反映的是中国移动东湖分公司。还有人数我刚数了，是126户');
    expect(s.slots).toMatchObject({ respondent: '中国移动东湖分公司', peopleCount: 126 });
    s.say('人数没改过来，是130户，不是126户');
    expect(s.slots['peopleCount']).toBe(130);
    s.say('事情经过没写全，要加上：塔是晚上偷偷立起来的。地点写细点，东湖镇中心小学东墙外');
    expect(String(s.slots['facts'])).toMatch(/；塔是晚上偷偷立起来的/);
    expect(s.slots['address']).toBe('东湖镇中心小学东墙外');
  });

  it('"俺孙子放学了俺去接一下，回来再说" is a pause, no alarm and no request; "the house owner is Qian Laowu" names whom (round U)', () => {
    const s = new Script();
    s.say('俺是城关镇西关社区的，低保补贴三个月没发了');
    const asked = s.state.expecting;
    s.say('等会儿啊，俺孙子放学了俺去接一下，回来再说');
    expect(s.last.effects.some((e) => e.type === 'request_handoff')).toBe(false);
    expect(s.state.handoff).toBeNull();
    expect(s.state.expecting).toBe(asked);
    expect(s.slots['demands']).toBeUndefined();
    const e = new Script('en');
    e.say('My neighbour is building an illegal second floor that blocks all our light, in Yuwan village, Xishan');
    e.say('Lane 3 of Yuwan village, the house owner is Qian Laowu.');
    expect(e.slots['respondent']).toBe('Qian Laowu');
  });

  it('representatives named beside a correction of the count are taken; "被反映的人写上名字，村会计李德福" is 村会计李德福 (round U)', () => {
    const s = new Script('en');
    for (const m of ['The Hengda Paper mill in Zhoujia village, Nanhe Town dumps waste water into our irrigation ditch, our rice seedlings turned yellow', 'We want the mill to stop dumping and pay for the lost crops', 'It is about 12 households']) s.say(m);
    s.say("For all of them. Sorry, it's 13 households, not 12. Representatives are me and Zhou Guoqiang, his phone is 13812345670");
    expect(s.slots['peopleCount']).toBe(13);
    expect(s.slots['representatives']).toContainEqual(expect.objectContaining({ name: 'Zhou Guoqiang', phone: '13812345670' }));
    const z = new Script();
    for (const m of ['俺要举报石门村的会计，村里报危房改造的每户找他都得给两千块钱，青石镇石门村', '要求查查他，收的钱退给大家', '就俺自己', '没反映过']) z.say(m);
    while (z.state.expecting !== 'confirm') z.say('跳过');
    z.say('被反映的人写上名字，村会计李德福');
    expect(z.slots['respondent']).toBe('村会计李德福');
  });

  it('"不是代表谁，就我自己举报。要求…" is no question of conduct; "Is this the right place for this?" is answered as such; "I told you, Qian Laowu, …" is whom (round U)', () => {
    const z = new Script();
    z.say('俺要举报石门村会计李德福，村里报危房改造的每户找他都得给两千块钱，青石镇石门村');
    z.say('不是代表谁，就我自己举报。要求查查这个李德福，收的钱退给大家');
    expect(String(z.slots['demands'])).toContain('要求查查这个李德福');
    expect(z.text).not.toContain('诬告');
    const e = new Script('en');
    e.say('Our street has had no running water for two weeks, Xinhe East Street in Chengguan, the county water company says the new pipes are not finished');
    e.say('Is this the right place for this, or should I go to the water company?');
    expect(e.text).toMatch(/can all be raised here/);
    const q = new Script('en');
    q.say('My neighbour is building an illegal second floor that blocks all our light, in Yuwan village, Xishan');
    q.say('Lane 3 of Yuwan village');
    expect(q.slots['address']).toBe('Lane 3 of Yuwan village');
    expect(q.slots['respondent']).toBeUndefined();
    q.say('I told you, Qian Laowu, the owner of the house next door');
    expect(q.slots['respondent']).toBe('Qian Laowu');
  });

  it('"都有啥类别？" lists the county\'s kinds of matter and the question asked stays open (round V)', () => {
    const s = new Script();
    s.say('桃源乡柳树村到乡里那条路，坑太多，下雨就走不了');
    const asked = s.state.expecting;
    s.say('都有啥类别？');
    expect(s.text).toContain('土地征收与补偿');
    expect(s.state.expecting).toBe(asked);
    const e = new Script('en');
    e.say('The road from Liushu village to the township is full of holes, Taoyuan');
    e.say('what kinds are there?');
    expect(e.text).toMatch(/The kinds of matter here are: /);
  });
});

describe('session of 2026-12-07 night', () => {
  it('a phone or ID number taken back in the same breath keeps the one said after: "13812345670 - no wait, 13812345607", "…哦打错了 …"', () => {
    const e = new Script('en');
    for (const m of ['I want to file a complaint', 'My boss at the Hengda construction site in Donghu town has not paid me 3 months wages, 15000 yuan.']) e.say(m);
    while (e.state.expecting !== 'phone' && e.state.expecting !== 'confirm') e.say(e.state.expecting === 'name' ? 'Zhang Wei' : 'skip');
    e.say('13812345670 - no wait, 13812345607');
    expect(e.slots['phone']).toBe('13812345607');
    const z = new Script();
    for (const m of ['俺要反映事', '东湖镇李家村的砖厂天天冒黑烟，呛得人喘不上气，庄稼也熏黄了']) z.say(m);
    while (z.state.expecting !== 'phone' && z.state.expecting !== 'confirm') z.say(z.state.expecting === 'name' ? '张桂兰' : '跳过');
    z.say('13912345678 哦打错了 13912345687');
    expect(z.slots['phone']).toBe('13912345687');
  });

  it('"yes please go ahead" asked what happened is no story and stores nothing', () => {
    const e = new Script('en');
    e.say('I want to file a complaint');
    expect(e.state.expecting).toBe('facts');
    e.say('yes please go ahead');
    expect(e.state.expecting).toBe('facts');
    expect(e.slots).toEqual({});
  });

  it('"要求…发下来，代表是我刘大海，电话…，还有王德发…" keeps the representatives out of the request', () => {
    const s = new Script();
    s.say('我们村三十多户的征地补偿款被镇里扣了一半，城关镇柳河村');
    s.say('要求把扣的补偿款全额发下来，代表是我刘大海，电话13812345678，还有王德发，电话13987654321');
    expect(s.slots['demands']).toBe('要求把扣的补偿款全额发下来');
    expect(s.slots['representatives']).toContainEqual(expect.objectContaining({ name: '王德发', phone: '13987654321' }));
  });

  it('a sentence told when the township is asked is not called an unknown township', () => {
    const s = new Script();
    s.say('我要举报村支书');
    s.say('青山乡马家村的村支书马国强把村里的集体土地偷偷租给外地老板，租金没进村账');
    expect(s.state.expecting).toBe('township');
    s.say('在马家村村委会，去年3月份他跟老板签的合同');
    expect(s.text).not.toContain('没有找到');
    expect(s.state.expecting).toBe('township');
  });

  it('round W, citizen 1: a name taken back among the representatives, "找过乡里好几回…让等着", a phone said again at the ID question, "被反映的还有…", "改好了就提交"', () => {
    const s = new Script();
    for (const m of ['俺想问问，俺们村的地被征了，补偿款到现在没给', '俺是西山乡王家庄的', '就是村委会，征地的时候说好一亩给三万，到现在一分没见着', '要把补偿款发下来，一亩三万，俺家四亩半。村里被征地的有三十来户', '代表大家一起反映，俺们好几家都托俺来说的']) s.say(m);
    expect(s.state.expecting).toBe('representatives');
    s.say('俺就是代表，俺叫王老实，不对，俺大名叫王德顺，电话是13976543210。还有俺村李二柱也是代表');
    expect(s.slots['name']).toBe('王德顺');
    expect(s.slots['phone']).toBe('13976543210');
    expect(s.slots['representatives']).toEqual([
      { self: true, name: '王德顺', phone: '13976543210' },
      { self: false, name: '李二柱', phone: null },
    ]);
    expect(s.state.expecting).toBe('priorPetition');
    s.say('找过乡里好几回，乡里说钱还没拨下来，让等着');
    expect(s.slots['priorPetition']).toBe('earlier_petition');
    expect(s.text).not.toContain('不重复受理');
    expect(s.state.expecting).toBe('idNumber');
    s.say('俺刚才不是说了嘛，13976543210。还有俺名字写错了，俺叫王德顺，王老实是外号');
    expect(s.text).not.toContain('应为18位');
    expect(String(s.slots['facts'])).not.toContain('外号');
    while (s.state.expecting !== 'confirm') s.say('跳过');
    s.say('被反映的还有乡政府，不光是村委会');
    expect(s.slots['respondent']).toBe('村委会和乡政府');
    s.say("此前处理那一项少了个字，应该是'找了一年多没人管'，改好了就提交");
    expect(s.slots['priorDetail']).toBe('找了一年多没人管');
    s.say('代表');
    s.say('我，王德顺 13976543210，还有李二柱，他没电话');
    expect(s.slots['representatives']).toEqual([
      { self: true, name: '王德顺', phone: '13976543210' },
      { self: false, name: '李二柱', phone: null },
    ]);
  });

  it('round W, citizen 5: "全村都受害了" stays out of the request, "对了" goes with the question, two fields corrected in one message, "你改错了！诉求就是：…" corrects instead of undoing', () => {
    const s = new Script();
    for (const m of ['我要投诉！我们村支书贪污扶贫款，大家都知道，就是没人管！！', '北岭乡，石桥村', '把他撤了，钱追回来。全村都受害了，大概一百来户']) s.say(m);
    expect(s.slots['demands']).toBe('把他撤了，钱追回来。');
    s.say('代表大家，但是我不想写名字，能匿名吗？怕被打击报复');
    s.say('找过乡纪委，没结果。对了，这个啥时候能有结果？');
    expect(String(s.slots['priorDetail'])).not.toContain('对了');
    while (s.state.expecting !== 'confirm') s.say('跳过');
    s.say('诉求改一下：撤他的职，把贪的扶贫款追回来发给贫困户。以前的处理也不对，是找过乡纪委，还打过12345热线，都没结果');
    expect(String(s.slots['demands'])).not.toContain('以前的处理');
    expect(s.slots['priorDetail']).toBe('找过乡纪委，还打过12345热线，都没结果');
    s.say("你改错了！诉求就是：撤他的职，把扶贫款追回来发给贫困户。'以前的处理'那一项应该是：找过乡纪委，打过12345热线，都没结果");
    expect(s.text).not.toContain('改回原来');
    expect(s.slots['demands']).toBe('撤他的职，把扶贫款追回来发给贫困户');
    expect(s.slots['priorDetail']).toBe('找过乡纪委，打过12345热线，都没结果');
  });

  it('round W, citizens 7 and 4: "俺娘住在后沟村" is 后沟村; "…可能是乡里社保所" is whom; "the factory is by the river east of the village" names nobody; a sentence of who is concerned stays out of the request', () => {
    const z = new Script();
    z.say('喂 俺娘的养老金咋停了 这个月没到账 问村里说不知道');
    z.say('桃园乡 俺娘住在后沟村');
    expect(z.slots['address']).toBe('后沟村');
    while (z.state.expecting !== 'respondent' && z.state.expecting !== 'confirm') z.say(z.state.expecting === 'category' ? '就是养老金，城乡居民养老保险那个' : '跳过');
    expect(z.state.expecting).toBe('respondent');
    z.say('村委会说不知道，俺也不知道是谁停的，可能是乡里社保所');
    expect(z.slots['respondent']).toBe('乡里社保所');
    const e = new Script('en');
    e.say('Hi. There is a chemical factory near our village dumping waste water into the river, fish are dying. I want to report it.');
    e.say('Hekou Town, Liushu village, the factory is by the river east of the village');
    expect(e.slots['respondent']).toBe('chemical factory');
    e.say('Stop the dumping and clean the river, and compensate for the dead fish. About thirty households in the village fish or farm along the river.');
    expect(e.slots['demands']).toBe('Stop the dumping and clean the river, and compensate for the dead fish.');
    expect(e.slots['peopleCount']).toBe(30);
  });

  it('round W, citizen 11: "No.2" keeps its full stop, the school called by its name is whom, the opening thanks are no story, "it says \'…\'" is the old value, "Please change What happened to: …"', () => {
    const e = new Script('en');
    e.say('Thank you, that helps. Then I want to file one here. The middle school in Donghu, Donghu No.2 Middle School, has been forcing students to buy extra tutoring from teachers after class.');
    expect(e.slots['facts']).toBe('The middle school in Donghu, Donghu No.2 Middle School, has been forcing students to buy extra tutoring from teachers after class.');
    expect(e.slots['respondent']).toBe('Donghu No.2 Middle School');
    e.say("It's on Xingfu Road in Donghu Town. Complaint against Donghu No.2 Middle School, not just 'the middle school'.");
    expect(e.slots['respondent']).toBe('Donghu No.2 Middle School');
    while (e.state.expecting !== 'confirm') e.say('skip');
    e.say("Complaint against is wrong, it says 'Donghu No'.");
    expect(e.slots['respondent']).toBe('Donghu No.2 Middle School');
    e.say('Also What happened should not start with that. Please change What happened to: Donghu No.2 Middle School has been forcing students to buy paid after-class tutoring from their own teachers since September.');
    expect(e.slots['facts']).toBe('Donghu No.2 Middle School has been forcing students to buy paid after-class tutoring from their own teachers since September.');
  });

  it('round W, citizen 9: "这边能管吗" is answered and kept out of the story; "那个村叫柳河村"; "都叫他刘老板"; a count taken back ("就我自己，不对，…算两个人")', () => {
    const s = new Script();
    s.say('我在河口镇的砖厂干了大半年，老板跑了，工钱一分没拿到，我是外地来打工的，四川人，这边能管吗');
    expect(s.text).toContain('都可以在这里反映');
    expect(String(s.slots['facts'])).not.toContain('能管吗');
    s.say('在砖厂那个村叫柳河村，对了我也不知道老板叫啥，只知道都叫他刘老板');
    expect(s.slots['address']).toBe('柳河村');
    expect(s.slots['respondent']).toBe('砖厂刘老板');
    s.say('要回工钱，两万四。就我自己，不对，还有我老乡小陈也没拿到，算两个人');
    expect(s.slots['peopleCount']).toBe(2);
    expect(s.slots['demands']).toBe('要回工钱，两万四。');
  });

  it('round W, citizen 10: "把俺家光全挡了" is no blockade; "类别不太对吧，这是违建，应该归城管那块吧？" changes the kind', () => {
    const s = new Script();
    for (const m of ['城关镇，幸福社区，我家房子被隔壁违建挡了']) s.say(m);
    s.say('隔壁老孙家，他盖了三层楼，把俺家光全挡了，城管也不管');
    expect(s.last.effects.map((e) => e.type)).not.toContain('request_handoff');
    expect(s.text).not.toContain('保持冷静');
    while (s.state.expecting !== 'confirm') s.say(s.state.expecting === 'name' ? '孙桂兰' : s.state.expecting === 'phone' ? '13707301188' : '跳过');
    s.say('类别不太对吧，这是违建，应该归城管那块吧？');
    expect(s.slots['category']).toBe('urban');
    expect(s.text).toContain('已更正');
  });

  it('round W, citizen 12: questions beside the opening story are not the story; a strike and "改成：…" replace that field; "算了，不用转人工了，那就先提交吧" files', () => {
    const s = new Script();
    s.say('您好，我想问一下，我爸在县医院做手术，医生收了红包，还多收费，这个能在这反映吗？能不能不留名');
    expect(s.slots['facts']).toBe('您好，我想问一下，我爸在县医院做手术，医生收了红包，还多收费');
    const z = new Script();
    z.say('他们凭什么不给俺钱？俺干了一年的活，老板跑了');
    expect(z.slots['facts']).toBe('他们凭什么不给俺钱？俺干了一年的活，老板跑了');
    const c = new Script();
    c.say('我爸在县医院做手术，医生收了红包，还多收费，唉真是没处说理');
    while (c.state.expecting !== 'confirm') c.say(c.state.expecting === 'name' ? '陈晓燕' : c.state.expecting === 'phone' ? '13907356688' : c.state.expecting === 'township' ? '城关镇' : '跳过');
    expect(String(c.slots['facts'])).toContain('唉真是没处说理');
    c.say("事情经过里'唉真是没处说理'不是事情，去掉。改成：我爸陈福生10月在县人民医院做胆囊手术，主刀医生收了两千块红包");
    expect(c.slots['facts']).toBe('我爸陈福生10月在县人民医院做胆囊手术，主刀医生收了两千块红包');
    c.say('我还是想跟真人说两句，能转人工吗');
    expect(c.last.effects.map((e) => e.type)).toContain('request_handoff');
    c.say('算了，不用转人工了，那就先提交吧');
    expect(c.last.effects.map((e) => e.type)).toEqual(expect.arrayContaining(['withdraw_handoff', 'submit_petition']));
  });

  it('round W, citizen 6: "我外孙女就在这个学校" stays out of the request; "诉求写多了，只要\'…\'就行。另外事情经过补充一下：…"', () => {
    const s = new Script();
    s.say('您好，我是退休教师，想反映一下孩子上学的问题，城关镇实验小学乱收费');
    s.say('实验小学在城关镇解放路上，学校大门口');
    s.say('退还多收的钱，规范收费。涉及全校学生，几百个家庭吧。我外孙女就在这个学校');
    expect(s.slots['demands']).toBe('退还多收的钱，规范收费。');
    while (s.state.expecting !== 'confirm') s.say(s.state.expecting === 'name' ? '周文华' : s.state.expecting === 'phone' ? '13508881234' : s.state.expecting === 'peopleCount' ? '我代表大家反映' : '跳过');
    s.say("诉求写多了，只要'退还多收的钱，规范收费'就行。另外事情经过补充一下：今年开学每个学生多收了三百元资料费，没有收据");
    expect(s.slots['demands']).toBe('退还多收的钱，规范收费');
    expect(s.slots['facts']).toBe('您好，我是退休教师，想反映一下孩子上学的问题，城关镇实验小学乱收费；今年开学每个学生多收了三百元资料费，没有收据');
  });

  it('round W, citizen 8: "eight families …, no wait, nine", "me. Ma Lihua" is the citizen, "Ma Lihua 13837654321" gives the name, a value after ". " has no stray full stop', () => {
    const e = new Script('en');
    e.say('Chengguan, the temporary houses behind the bus station. no water for two weeks, the town housing office put us there');
    while (e.state.expecting !== 'demands' && e.state.expecting !== 'confirm') e.say(e.state.expecting === 'respondent' ? 'the town housing office' : 'skip');
    e.say('fix the water. there are like eight families living there, no wait, nine. im speaking for all of them');
    expect(e.slots['peopleCount']).toBe(9);
    expect(e.slots['demands']).toBe('fix the water.');
    expect(e.state.expecting).toBe('representatives');
    e.say('me. Ma Lihua, same phone as before.');
    expect(e.slots['representatives']).toEqual([{ self: true, name: 'Ma Lihua', phone: null }]);
    const n = new Script('en');
    n.say('my house. they knocked it down. in Chengguan. for a road. no money');
    while (n.state.expecting !== 'name' && n.state.expecting !== 'confirm') n.say(n.state.expecting === 'peopleCount' ? 'just my family. 5 people' : 'skip');
    n.say('Ma Lihua 13837654321');
    expect(n.slots['name']).toBe('Ma Lihua');
    expect(n.slots['phone']).toBe('13837654321');
    while (n.state.expecting !== 'confirm') n.say('skip');
    n.say('you forgot who it is against. the county road office, or Chengguan town government');
    expect(n.slots['respondent']).toBe('the county road office, or Chengguan town government');
  });
});

/** Files the draft on the summary as the app would (the store answers with the case number). */
function filed(s: Script, caseNumber = 'XF20261127-0001'): Script {
  s.press('confirm:yes');
  s.event({ type: 'petition_submitted', intakeId: s.state.forms.at(-1)!.id, caseNumber, queryCode: '12345678' });
  expect(s.state.forms).toEqual([]);
  return s;
}

/** The store's view of a case filed a moment ago. */
function justFiledView(caseNumber: string): PublicCaseView {
  return {
    caseNumber,
    status: 'submitted',
    category: 'labor',
    unit: 'rsj',
    coUnit: null,
    createdAt: '2026-11-27T02:00:00.000Z',
    acceptDueAt: '2026-12-12T15:59:59.999Z',
    acceptedAt: null,
    replyDueAt: null,
    repliedAt: null,
    reviewRequestedAt: null,
    ratings: { acceptance: null, handling: null },
    timeline: [{ at: '2026-11-27T02:00:00.000Z', kind: 'submitted', note: null }],
  };
}

/** An English petition about wages on its summary. */
function enOnSummary(): Script {
  const e = wagesAskingPlace();
  return toSummary(e, ['Hengda construction site, Donghu town', 'I want my 15000 yuan paid', 'just me', 'no, first time', 'Zhang Wei 13812345670', 'skip', 'skip']);
}

/** A citizen whose English petition about wages waits for the place. */
function wagesAskingPlace(): Script {
  const e = new Script('en');
  e.say('My boss at the Hengda construction site in Donghu town has not paid me 3 months wages, 15000 yuan.');
  expect(e.state.expecting).toBe('address');
  return e;
}

describe('round W: questions in the middle', () => {
  it('"…补偿款到现在没给，这事找谁" opening the chat starts the petition and says which unit handles it; the question stays out of the story', () => {
    const s = new Script();
    s.say('俺家地被征了两年了，城关镇柳河村的，补偿款到现在没给，这事找谁');
    expect(s.text).toContain('县自然资源局');
    expect(s.state.expecting).not.toBeNull();
    expect(String(s.slots['facts'])).not.toContain('找谁');
    const e = new Script('en');
    e.say('The village took our land in Liuhe village, Chengguan two years ago and the compensation was never paid. Who do I talk to?');
    expect(e.text).toMatch(/handled by the County Natural Resources Bureau/);
    expect(e.state.expecting).not.toBeNull();
  });

  it('"can my mother stay anonymous?" while filing is answered and the question asked stays open', () => {
    const e = wagesAskingPlace();
    e.say('can my mother stay anonymous?');
    expect(e.text).toMatch(/real name and phone/);
    expect(e.state.expecting).toBe('address');
    const s = new Script();
    s.say('包工头欠了俺三个月工钱，一万五，城关镇幸福花园工地');
    const asked = s.state.expecting;
    s.say('俺娘能不能不留名？');
    expect(s.text).toContain('需要留真实姓名和电话');
    expect(s.state.expecting).toBe(asked);
  });

  it('"我要找你们领导！…今天必须给个说法！" files the story, asks for a person and tells of the leaders\' reception days', () => {
    const s = new Script();
    s.say('我要找你们领导！村里占了俺家的地三年了没人管，今天必须给个说法！');
    expect(s.last.effects).toContainEqual({ type: 'request_handoff', reason: 'requested' });
    expect(s.text).toContain('领导哪天接访');
    expect(String(s.slots['facts'])).toContain('占了俺家的地');
    expect(String(s.slots['facts'])).not.toContain('找你们领导');
    const e = new Script('en');
    e.say('I want to see your boss! They took my land in Liuhe village three years ago and nobody cares, I want an answer today!');
    expect(e.state.handoff?.reason).toBe('requested');
    expect(String(e.slots['facts'])).toContain('took my land');
    // A leader asked for as a reception: the reception days, and the story still filed.
    const r = new Script('en');
    r.say('I want to speak to your leader! The township took our land and never paid, Liuhe village Chengguan');
    expect(r.text).toMatch(/County leaders meet citizens in person/);
    expect(r.slots['facts']).toBe('The township took our land and never paid, Liuhe village Chengguan');
  });

  it('"can I petition by letter, and do I have to go through the township first?" gets both answers; "Thanks, but you didn\'t answer: can I send a letter…?" is a question, not thanks', () => {
    const e = wagesAskingPlace();
    e.say('can I petition by letter, and do I have to go through the township first?');
    expect(e.text).toMatch(/A letter is accepted/);
    expect(e.text).toMatch(/do not have to go to the township first/);
    expect(e.state.expecting).toBe('address');
    e.say("Thanks, but you didn't answer: can I send a letter instead of typing all this?");
    expect(e.text).toMatch(/A letter is accepted/);
    expect(e.state.expecting).toBe('address');
    const after = filed(enOnSummary());
    after.say("Thanks, but you didn't answer: can I send a letter instead?");
    expect(after.text).toMatch(/A letter is accepted/);
    expect(after.text).not.toMatch(/You are welcome/);
    const z = new Script();
    z.say('包工头欠了俺三个月工钱，一万五，城关镇幸福花园工地');
    z.say('能不能写信寄过去？要不要先去镇里反映？');
    expect(z.text).toContain('写信反映同样受理');
    expect(z.text).toContain('不用先去乡镇');
  });

  it('"…这个能在这反映吗？能不能不留名" opening the chat gets both answers', () => {
    const s = new Script();
    s.say('村里的砖厂天天冒黑烟，东湖镇李家村，这个能在这反映吗？能不能不留名');
    expect(s.text).toContain('都可以在这里反映');
    expect(s.text).toContain('需要留真实姓名和电话');
    expect(String(s.slots['facts'])).not.toMatch(/反映吗|不留名/);
    const e = new Script('en');
    e.say('The clinic in Yuwan village charged me for a free vaccine. Can I complain here? Can I do it without my name?');
    expect(e.text).toMatch(/can all be raised here/);
    expect(e.text).toMatch(/we need your real name and phone/);
    expect(e.slots['facts']).toMatch(/^The clinic in Yuwan village charged me for a free vaccine\.?$/);
  });

  it('"地点写…。提交以后医院会知道是我举报的吗？" on the summary: the correction is made and the question answered', () => {
    const s = onSummary();
    s.say('地点写幸福花园二期工地东门。提交以后包工头会知道是我举报的吗？');
    expect(s.slots['address']).toBe('幸福花园二期工地东门');
    expect(s.text).toContain('绝不会透露给被反映的人');
    expect(s.state.expecting).toBe('confirm');
    expect(s.last.effects).toEqual([]);
  });

  it('"好的。对了，今天真冷啊，你们县城下雪了没？" on the summary is small talk: a friendly word and the summary again, no edit asked', () => {
    const s = onSummary();
    const slots = s.slots;
    s.say('好的。对了，今天真冷啊，你们县城下雪了没？');
    expect(s.text).toContain('天冷注意保暖');
    expect(s.text).not.toContain('要修改哪一项');
    expect(s.state.expecting).toBe('confirm');
    expect(s.slots).toEqual(slots);
    const e = wagesAskingPlace();
    e.say('by the way, how are you today?');
    expect(e.text).toMatch(/Thank you for asking/);
    expect(e.state.expecting).toBe('address');
  });

  it('"Can I add photos of the dead fish…?" after filing says to send them here (they join the case), without showing the case', () => {
    const e = filed(enOnSummary());
    e.say('Can I add photos of the dead fish I took yesterday?');
    expect(e.text).toMatch(/can be sent right here .* and are added to case XF20261127-0001/);
    expect(e.last.effects).toEqual([]);
    const s = filed(onSummary());
    s.say('我还拍了几张照片，能发给你们吗？');
    expect(s.text).toContain('会附到案件 XF20261127-0001');
    // Said as a wish, how to send them — the words are no material of the case.
    const m = filed(enOnSummary());
    m.say('I want to add some photos of the dead fish');
    expect(m.text).toMatch(/can be sent right here .* and are added to case XF20261127-0001/);
    expect(m.last.effects).toEqual([]);
    // Material to add, asked for in words: the case just filed is named (not shown in full), and files are welcome.
    const w = filed(enOnSummary());
    w.say('I have more material for my case');
    expect(w.last.effects).toContainEqual(expect.objectContaining({ type: 'open_own_case' }));
    w.event({ type: 'case_opened', view: justFiledView('XF20261127-0001') });
    expect(w.text).toMatch(/the petition you just filed/);
    expect(w.text).toMatch(/Photos, PDF or Word files can simply be sent here/);
    expect(w.text).not.toMatch(/Status/i);
    expect(w.state.expecting).toBe('supplement');
  });

  it('"老板要是一直找不到，这钱谁给？这个归哪个部门管？" after filing names the unit of the case just filed', () => {
    const s = filed(onSummary());
    s.say('老板要是一直找不到，这钱谁给？这个归哪个部门管？');
    expect(s.text).toContain('XF20261127-0001');
    expect(s.text).toContain('县人力资源和社会保障局');
    expect(s.text).not.toContain('不收任何费用');
    const e = filed(enOnSummary());
    e.say('which department handles it?');
    expect(e.text).toMatch(/The matter you just filed \(XF20261127-0001\) is handled by the County Human Resources and Social Security Bureau/);
  });

  it('"I\'m dying to know when they will decide" after filing gives the acceptance date; "急死了…能快点吗" the timeline and that staff can be asked', () => {
    const e = filed(enOnSummary());
    e.say("I'm dying to know when they will decide");
    expect(e.text).toMatch(/by 12 December 2026 \(within 15 days\) you will be told whether it is accepted/);
    const s = filed(onSummary());
    s.say('急死了，能快点吗');
    expect(s.text).toContain('2026年12月12日前');
    expect(s.text).toContain('转人工');
    // Speed asked of the other side is the request, no question to us.
    const d = new Script();
    d.say('包工头欠了俺三个月工钱，一万五，城关镇幸福花园工地');
    while (d.state.expecting !== 'demands') d.say('跳过');
    d.say('能不能尽快把工钱结了');
    expect(d.slots['demands']).toBe('能不能尽快把工钱结了');
  });

  it('"my house was knocked down and i got nothing. who do i talk to" opening the chat starts a petition about demolition and says whom', () => {
    const e = new Script('en');
    e.say('my house was knocked down and i got nothing. who do i talk to');
    expect(e.state.handoff).toBeNull();
    expect(e.slots['category']).toBe('housing');
    expect(e.text).toMatch(/handled by the County Housing and Urban-Rural Development Bureau/);
    expect(e.state.expecting).not.toBeNull();
  });

  it('"hold on, my phone is ringing", "等一下，来电话了": take your time, the draft is kept and the question stays open', () => {
    const e = wagesAskingPlace();
    e.say('hold on, my phone is ringing');
    expect(e.text).toMatch(/take your time\. Your draft is kept/);
    expect(e.state.expecting).toBe('address');
    expect(e.slots['address']).toBeUndefined();
    const s = new Script();
    s.say('包工头欠了俺三个月工钱，一万五，城关镇幸福花园工地');
    const asked = s.state.expecting;
    const slots = s.slots;
    s.say('等一下，来电话了');
    expect(s.text).toContain('草稿都保存着');
    expect(s.state.expecting).toBe(asked);
    expect(s.slots).toEqual(slots);
    // With nothing being filed (just after filing), no new petition starts.
    const after = filed(onSummary());
    after.say('等一下，来电话了');
    expect(after.state.forms).toEqual([]);
    expect(after.text).toContain('您先忙');
  });

  it('"…makes me want to scream. When will someone get back to me?" gets the timeline, no hand-over', () => {
    const e = wagesAskingPlace();
    e.say('I have waited so long, this makes me want to scream. When will someone get back to me?');
    expect(e.text).toMatch(/within 15 days \(by 12 December 2026\)/);
    expect(e.last.effects).toEqual([]);
    expect(e.state.handoff).toBeNull();
    expect(e.state.expecting).toBe('address');
    const after = filed(enOnSummary());
    after.say('I have waited so long, this makes me want to scream. When will someone get back to me?');
    expect(after.text).toMatch(/by 12 December 2026/);
    expect(after.state.handoff).toBeNull();
  });
});

describe('session of 2026-12-07 night, after round W', () => {
  it('round W, citizen 2: "怎么办" closing the story stays out of it, "就想把工资要回来…" beside a question is the request, "是上上个月摔的，不是上个月" swaps cleanly, "我替他反映，他住院呢不方便" is no request', () => {
    const s = new Script();
    s.say('你好，我在东湖镇一个工地干活，老板欠了我们三个月工资不给，怎么办');
    expect(s.slots['facts']).toBe('你好，我在东湖镇一个工地干活，老板欠了我们三个月工资不给');
    s.say('在东湖镇新区那个安置房工地，就是镇政府往东走二里地那个');
    expect(s.state.expecting).toBe('demands');
    s.say('就想把工资要回来，一共欠了八万多。我们一起干活的有十来个人，都没拿到钱。对了这个要多久能处理？');
    expect(s.slots['demands']).toBe('就想把工资要回来，一共欠了八万多。');
    expect(s.slots['peopleCount']).toBe(10);
    const z = new Script();
    z.say('我要反映新的问题。工地上老乡赵大勇上个月从架子上摔下来，腿摔断了，老板不给报医药费');
    z.say('就是东湖镇新区安置房工地');
    z.say('老板把医药费报了，大概三万来块，还有误工费。就赵大勇一个人，我替他反映，他住院呢不方便');
    expect(z.slots['demands']).toBe('老板把医药费报了，大概三万来块，还有误工费。');
    while (z.state.expecting !== 'confirm') z.say(z.state.expecting === 'name' ? '刘建军' : z.state.expecting === 'phone' ? '13907351122' : '跳过');
    z.say('事情经过里是上上个月摔的，不是上个月');
    expect(String(z.slots['facts'])).toContain('赵大勇上上个月从架子上摔下来');
  });
});

describe('round X (12 citizens through /api/chat, 2026-12-07 night)', () => {
  it('"我不想让村里人知道是我举报的" is no request to let them know', () => {
    const s = new Script();
    s.say('我要举报我们村会计，他在低保名单上做假，把他亲戚都报上去了，真正困难的没有。我不想让村里人知道是我举报的');
    expect(String(s.slots['demands'] ?? '')).not.toContain('想让村里人知道');
  });

  it('a tenant: "landlord name is Mr Zhou", "number 21 not 12" is the place and no count, "No. 21" stays whole, "remove \'…\' put it in what happened. then submit" moves the words and files nothing yet', () => {
    const e = new Script('en');
    e.say('hello. my landlord kept my whole deposit 3000 yuan when i moved out, he say the wall is dirty. i want complain');
    e.say('its in Chengguan town, Xinmin street number 12, the apartment building. landlord name is Mr Zhou. wait how long it take to get answer?');
    expect(e.slots['respondent']).toBe('Mr Zhou');
    e.say('I want my deposit back, all 3000. just me. the wall was already dirty when I move in, I have photos. can I send photos?');
    while (e.state.expecting !== 'confirm') e.say(e.state.expecting === 'name' ? 'Nguyen Van Hai' : e.state.expecting === 'phone' ? '18620045731' : 'skip');
    e.say('and the place is Xinmin street number 21 not 12, sorry');
    expect(e.slots['address']).toBe('Xinmin street number 21');
    expect(e.slots['peopleCount']).toBe(1);
    e.say('Place: Xinmin street No. 21');
    expect(e.slots['address']).toBe('Xinmin street No. 21');
    const demands = String(e.slots['demands']);
    expect(demands).toContain('the wall was already dirty');
    e.say("ok and in the request remove 'the wall was already dirty when I move in, I have photos.' put it in what happened. then submit");
    expect(String(e.slots['demands'])).not.toContain('the wall was already dirty');
    expect(String(e.slots['facts'])).toContain('the wall was already dirty when I move in, I have photos.');
    expect(e.last.effects.map((x) => x.type)).not.toContain('submit_petition');
  });

  it('"mine is 15737609924, 410725199207071715" is no bare yes: the ID number is kept', () => {
    const e = new Script('en');
    e.say("I'm one of 14 workers at the Xinyuan shoe factory in Nanhe. We haven't been paid since September.");
    while (e.state.expecting !== 'phone' && e.state.expecting !== 'confirm') e.say(e.state.expecting === 'name' ? 'Sun Haoran' : e.state.expecting === 'representatives' ? 'me' : 'skip');
    e.say('mine is 15737609924, 410725199207071715');
    expect(e.slots['idNumber']).toBe('410725199207071715');
  });
});

describe('round X, a daughter abroad and a migrant cook', () => {
  it('"Place should be just Shawan village", "(without the word just)", "Earlier handling: …", "please delete \'…?\'", "homestead dispute"', () => {
    const e = new Script('en');
    e.say("My father's neighbour built a wall into his homestead in Shawan village, Xishan, and blocked half of his yard.");
    while (e.state.expecting !== 'confirm') e.say(e.state.expecting === 'name' ? 'Chen Youcai' : e.state.expecting === 'phone' ? '13574120986' : e.state.expecting === 'demands' ? 'We want the wall removed. Can I get a phone call from staff? I am in Toronto.' : 'skip');
    e.say('Place should be just Shawan village. Earlier handling: father phoned the village committee in September, nothing happened. Kind is homestead dispute, not land acquisition.');
    expect(e.slots['address']).toBe('Shawan village');
    expect(e.slots['priorDetail']).toBe('father phoned the village committee in September, nothing happened');
    expect(e.slots['category']).toBe('land');
    e.say('Place: Shawan village (without the word just).');
    expect(e.slots['address']).toBe('Shawan village');
    expect(String(e.slots['demands'])).not.toContain('phone call');
    expect(String(e.slots['demands'])).toContain('I am in Toronto.');
    e.say("Request: please delete 'I am in Toronto.' Can you do that?");
    expect(String(e.slots['demands'])).not.toContain('Toronto');
  });

  it('"Me and 5 other worker same problem" is six people', () => {
    const e = new Script('en');
    e.say("My boss at Lao Wang Hotpot in Donghu did not pay me for 4 months. Me and 5 other worker same problem.");
    expect(e.slots['peopleCount']).toBe(6);
  });
});

describe('round X, a fisherman and a worker\'s wife', () => {
  it('"…叫黄记生态养殖场" names the farm; "老公在厂里干活" names no party; a story is no place; "对了我电话是…" is no request; "诉求只要：…" replaces it', () => {
    const s = new Script();
    s.say('你好，我是河边养鱼的，我家鱼塘被上游一个养猪场的粪水污染了，鱼死了一大片，想反映一下');
    s.say('在桃源乡，具体是桃园乡下湾村，我叫钟国富，电话13907351286。那个猪场是老板姓黄的开的，叫黄记生态养殖场');
    expect(s.slots['respondent']).toBe('黄记生态养殖场');
    const w = new Script();
    w.say('我老公在厂里干活把手压断了，工伤赔偿厂里不给');
    expect(w.slots['respondent']).not.toBe('老公在厂');
    w.say('厂在青石镇工业园，叫鑫达五金厂。我老公叫吴建军，我是他老婆，我叫刘秀梅');
    expect(w.slots['respondent']).toBe('鑫达五金厂');
    w.say('就是工业园里面那个厂啊，我刚说了，鑫达五金厂，在青石镇。我老公是去年十月出的事，右手被冲床压了，厂里说他自己操作不当不给赔，工伤认定也不帮办');
    expect(String(w.slots['address'] ?? '')).not.toContain('冲床');
    w.say('要厂里给他办工伤认定，按规定赔医药费和误工费，就我们一家。对了我电话是15873426619，身份证要不要？');
    expect(w.slots['demands']).toBe('要厂里给他办工伤认定，按规定赔医药费和误工费');
    expect(w.slots['phone']).toBe('15873426619');
    while (w.state.expecting !== 'confirm') w.say('跳过');
    w.say('诉求后面那个\'电话\'也删掉，诉求只要：给他办工伤认定，按规定赔医药费和误工费');
    expect(w.slots['demands']).toBe('给他办工伤认定，按规定赔医药费和误工费');
  });
});

describe('round X, 32 households with dirty water', () => {
  it('"环境类？" answers the kind, "叫西山乡供水站" is whom, talk about other fields is no request, "老李叫李长林" is one representative, "不是30户，是32户" beside the representatives corrects the count', () => {
    const s = new Script();
    s.say('我们是西山乡石门村的，三十来户人家，自来水黄的，有股怪味，好几个月了，大家让我来反映');
    expect(s.state.expecting).toBe('category');
    s.say('应该算饮水安全吧，环境类？管水厂的是镇上的自来水站，叫西山乡供水站');
    expect(s.slots['category']).toBe('environment');
    expect(s.slots['respondent']).toBe('西山乡供水站');
    expect(s.text).not.toContain('答不好');
    s.say('就是西山乡供水站啊，我刚说了。类别你就写饮水或者环境吧');
    expect(s.slots['demands']).toBeUndefined();
    expect(String(s.slots['facts'])).not.toContain('类别');
    s.say('希望尽快把水管换了，查一查水源是不是被污染了，给个说法。');
    expect(s.state.expecting).toBe('representatives');
    s.say('老李说不是30户，是32户。代表就我和老李，我叫邓海波 13974560218，老李叫李长林 15116237790');
    expect(s.slots['peopleCount']).toBe(32);
    expect(s.slots['representatives']).toEqual([
      { self: true, name: '邓海波', phone: '13974560218' },
      { self: false, name: '李长林', phone: '15116237790' },
    ]);
  });
});

describe('round X, a taxi driver and a mother', () => {
  it('a question beside the request is no part of it; "县交警大队城关中队的" has no trailing 的; "地点就是…" is the place; "算了算了…我还是先自己登记吧" is no story', () => {
    const s = new Script();
    s.say('我是出租车司机，上个月在城关镇人民路被交警罚了200块扣3分，说我违停，我明明是在上下客，路边又没有禁停标志');
    expect(s.state.expecting).toBe('respondent');
    s.say('县交警大队城关中队的，那个交警编号我记得是0417');
    expect(s.slots['respondent']).toBe('县交警大队城关中队');
    s.say('把罚款退了，分也恢复，就我自己。你们这能管交警吗？还是要我去找公安局？');
    expect(s.slots['demands']).toBe('把罚款退了，分也恢复');
    const m = new Script();
    m.say('你好 我要找人工 我家孩子坐校车出事了');
    m.say('算了算了，等人工要到明天，我还是先自己登记吧。我儿子在南河镇中心小学读三年级，11月28号放学坐学校校车，司机急刹车，孩子头撞到座位上缝了5针');
    expect(m.slots['facts']).toBe('我儿子在南河镇中心小学读三年级，11月28号放学坐学校校车，司机急刹车，孩子头撞到座位上缝了5针');
    expect(m.text).not.toContain('保持冷静');
    m.say('我没有过激啊，就是想登记一下。地点就是南河镇中心小学门口那条路上。被反映的是学校和校车公司，校车是承包给南河运输公司的');
    expect(m.slots['address']).toBe('南河镇中心小学门口那条路上');
  });
});

describe('round X, a migrant cook', () => {
  it('"restaurant name is Lao Wang Hotpot" is no name of the citizen; "me plus 5 coworker" is six', () => {
    const e = new Script('en');
    e.say('Hi, I am a cook from Sichuan working in restaurant in Donghu town. Boss no pay me 4 month salary, about 14000 yuan. Me and 5 other worker same problem.');
    e.say('restaurant name is Lao Wang Hotpot, on Donghu main road near the bus station. boss is Wang Gang.');
    expect(e.slots['name']).toBeUndefined();
    expect(readPeopleCount('me plus 5 coworker')?.n).toBe(6);
  });
});

describe('round X, rules only', () => {
  it('"Can I go in person to the county petition office? Where is it and when is it open?" gives the reception office; the rest of "never mind the human … what is the procedure" is answered', () => {
    const e = new Script('en');
    e.say('Can I go in person to the county petition office? Where is it and when is it open?');
    expect(e.text).toContain('receives visitors');
    expect(e.text).not.toContain('cannot answer');
    e.say('ok then human please');
    expect(e.last.effects.map((x) => x.type)).toContain('request_handoff');
    e.say('actually never mind the human, I will wait. one more thing: what is the procedure after I file?');
    expect(e.last.effects.map((x) => x.type)).toContain('withdraw_handoff');
    expect(e.text).toContain('The procedure');
  });
});

describe('round Y (12 citizens through /api/chat, 2026-12-07 night)', () => {
  it('"我没有编号，还没登记过。我是替我爸来反映的…" while a number is asked ends the lookup and starts the petition; "我不是查进度，我是要新登记" never leaves the draft', () => {
    const s = new Script();
    s.say('查一下进度');
    if (s.last.effects.some((e) => e.type === 'list_my_cases')) s.event({ type: 'my_cases', items: [] });
    expect(s.state.expecting).toBe('caseNumber');
    s.say('我没有编号，还没登记过。我是替我爸来反映的，他今年78了，养老金从今年8月份就停发了，社保局说他认证没做，可他明明做了');
    expect(s.state.forms.at(-1)?.form).toBe('intake');
    expect(String(s.slots['facts'])).toContain('养老金');
    const asked = s.state.expecting;
    s.say('你听我说，我不是查进度，我是要新登记一个事情');
    expect(s.state.forms.at(-1)?.form).toBe('intake');
    expect(s.state.expecting).toBe(asked);
  });

  it('"Zhang Wei. phone 18390012345. no wait, 18390012354" keeps the number said after', () => {
    const e = new Script('en');
    e.say('Taoyuan Middle School asks 600 yuan material fee each student every term, the school is in Taoyuan town centre next to post office');
    while (e.state.expecting !== 'name' && e.state.expecting !== 'confirm') e.say(e.state.expecting === 'peopleCount' ? 'just for my family' : 'skip');
    e.say('Zhang Wei. phone 18390012345. no wait, 18390012354, the last two I mix up');
    expect(e.slots['phone']).toBe('18390012354');
  });
});

describe('round Y, a restaurant pouring slops into the river', () => {
  it('"饭店叫老味道土菜馆" names whom; "东湖街" keeps the township\'s name inside it; "地点加上东湖桥边上" adds to the place', () => {
    const s = new Script();
    s.say('我家隔壁饭店天天半夜往河里倒泔水 臭死了 河都黑了');
    s.say('东湖镇 东湖街上 饭店叫老味道土菜馆 就在东湖桥边上');
    expect(s.slots['respondent']).toBe('老味道土菜馆');
    expect(String(s.slots['address'])).toMatch(/^东湖街/);
    while (s.state.expecting !== 'confirm') s.say(s.state.expecting === 'name' ? '钱桂兰' : s.state.expecting === 'phone' ? '13874106629' : '跳过');
    s.say('地点改成东湖街');
    expect(s.slots['address']).toBe('东湖街');
    s.say('地点加上东湖桥边上');
    expect(s.slots['address']).toBe('东湖街东湖桥边上');
  });
});

describe('round Y, a report about the civil affairs director', () => {
  it('"李主任叫李红军" gives the official\'s name; "…要写河口镇民政办主任李红军" corrects whom', () => {
    const s = new Script();
    s.say('我要举报我们镇上民政办的李主任，低保的事他优亲厚友，他小舅子家开着车有门面都吃低保');
    s.say('青石镇，我们是青石镇柳树村的。李主任叫李红军，镇民政办主任。我举报他不会被他知道吧？');
    expect(s.slots['respondent']).toBe('主任李红军');
    while (s.state.expecting !== 'confirm') s.say(s.state.expecting === 'phone' ? '13037418862' : s.state.expecting === 'name' ? '匿名' : '跳过');
    s.say('被反映对象不对，光写个主任谁知道是谁，要写河口镇民政办主任李红军');
    expect(s.slots['respondent']).toBe('河口镇民政办主任李红军');
  });
});

describe('round Y, an old farmer corrects his phone and the count', () => {
  it('"电话俺说错了，后面是六五不是五六，是13907382265。地点是…" corrects both; "\'都两年了\'不对，删掉" strikes; a count for one\'s own household corrected stays one household of the many concerned', () => {
    const s = new Script();
    for (const m of ['俺要反映问题，村里征地补偿款到现在没给俺，都两年了', '桃源乡王家湾村的，俺家那二亩三分地17年就被征了修路', '就是要把补偿款给俺，一亩说好三万二，二亩三分地就是七万三千六。俺们组还有五六户都没拿到', '俺就为俺自家反映，他们的事让他们自己来说', '找过村支书两回，他说钱上面还没拨下来，叫俺等着。后来去乡里也问过，没结果', '俺叫王老根，电话是一三九零七三八二二五六，身份证不知道放哪了']) s.say(m);
    while (s.state.expecting !== 'confirm') s.say('跳过');
    expect(s.slots['phone']).toBe('13907382256');
    s.say('等一下，电话俺说错了，后面是六五不是五六，是13907382265。地点是王家湾村三组。');
    expect(s.slots['phone']).toBe('13907382265');
    expect(s.slots['address']).toBe('王家湾村三组');
    s.say("事情经过里那个'都两年了'不对，删掉");
    expect(String(s.slots['facts'])).not.toContain('都两年了');
    s.say('不是5户，写7户，连俺家七户');
    expect(s.slots['peopleCount']).toBe(1);
    expect(s.text).toContain('涉及约7户');
  });
});

describe('round Y, a villager whose relocation money the secretary kept', () => {
  it('"What happened is too short, please add: …" adds to the story and keeps every word of it ("too" is no "to")', () => {
    const e = new Script('en');
    e.say('hello sir. my english not good. village leader take our money, the road money, 12 family not get. please help');
    while (e.state.expecting !== 'confirm') e.say(e.state.expecting === 'name' ? 'Yang Shufen' : e.state.expecting === 'phone' ? '13774520831' : e.state.expecting === 'township' ? 'Xishan' : 'skip');
    const before = String(e.slots['facts']);
    e.say('wait. What happened is too short, please add: Zhao Guoqiang is village party secretary, in 2023 government give relocation money for 12 family, he keep it.');
    expect(String(e.slots['facts'])).toMatch(new RegExp(`^${before.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(String(e.slots['facts'])).toContain('Zhao Guoqiang is village party secretary');
    expect(String(e.slots['facts'])).not.toContain('o short');
  });
});

describe('round Y, two representatives', () => {
  it('"我和老周两个做代表" is me and 老周, never a 周两个', () => {
    expect(readRepresentatives('我和老周两个做代表')).toEqual([{ self: true, name: null, phone: null }, { self: false, name: '老周', phone: null }]);
    expect(readRepresentatives('我和老周俩当代表，老周叫周国平')).toEqual([{ self: true, name: null, phone: null }, { self: false, name: '周国平', phone: null }]);
  });
});

describe('left over from round X: filing for a relative, a place outside the county', () => {
  it('"身份证要填我爸的还是我的？" is answered (your own; the relative goes in the story) and the question asked stays', () => {
    const s = new Script();
    s.say('你好我要反映问题');
    s.say('我要反映我爸的事，他在镇卫生院看病被耽误了，现在还在住院');
    const asking = s.state.expecting;
    s.say('身份证要填我爸的还是我的？');
    expect(s.text).toContain('都填您自己的');
    expect(s.state.expecting).toBe(asking);
    const e = new Script('en');
    e.say('My father was injured at the cement factory in Hekou and they refuse to pay his medical bills');
    e.say("Should I put my details or my father's?");
    expect(e.text).toContain('Give your own name, phone and ID number');
  });

  it('"我能替我妈反映吗？写谁的名字" gets one answer, not the anonymity text beside it', () => {
    const s = new Script();
    s.say('我替我妈反映，村里低保把她取消了');
    s.say('我能替我妈反映吗？写谁的名字');
    expect(s.text).toContain('可以替家人反映');
    expect(s.text).not.toContain('匿名');
  });

  it('a place outside the county ends the township question at once and shows so on the summary', () => {
    const s = new Script();
    s.say('我要反映，我在市里的建筑工地干活，老板欠了我三个月工资');
    expect(s.state.expecting).toBe('township');
    s.say('不是咱县的，工地在市里开发区');
    expect(s.state.expecting).not.toBe('township');
    expect(s.slots['township']).toBeNull();
    expect(s.text).toContain('事发地不在本县');
    while (s.state.expecting !== 'confirm') s.say(s.state.expecting === 'name' ? '刘大壮' : s.state.expecting === 'phone' ? '13903741126' : s.state.expecting === 'peopleCount' ? '就我自己' : '跳过');
    expect(s.text).toContain('本县以外');
    const e = new Script('en');
    e.say('My boss owes me wages, I work at a factory in the provincial capital');
    e.say("It's not in your county, it's in the city");
    expect(e.state.expecting).not.toBe('township');
    expect(e.slots['township']).toBeNull();
  });

  it('"不是县里的问题，是东湖镇" is 东湖镇, not a place elsewhere', () => {
    const s = new Script();
    s.say('我要反映，老板欠了我三个月工资');
    s.say('不是县里的问题，是东湖镇');
    expect(s.slots['township']).toBe('东湖镇');
  });
});

describe('left over from round Y: a count said twice', () => {
  it('"SIX people not 5. me plus 5 coworker" is six: the total is said beside "me plus five"', () => {
    expect(readPeopleCount('SIX people not 5. me plus 5 coworker')?.n).toBe(6);
    expect(readPeopleCount('一共6个人，我和另外5个工友')?.n).toBe(6);
    expect(readPeopleCount('me and 5 coworkers')?.n).toBe(6);
  });
});

describe('left over from round Y: asked where, answered with the place and the story', () => {
  it('the opening clause is the place, and the story around it joins what happened (zh, en)', () => {
    const s = new Script();
    for (const m of ['我们村的养猪场天天往河里排粪水，臭得没法住', '西山乡']) s.say(m);
    expect(s.state.expecting).toBe('address');
    s.say('就在我们村东头那个养猪场，老板姓赵，去年开始养的，排的粪水顺着沟流到河里，夏天臭得窗户都不能开');
    expect(s.slots['address']).toBe('村东头那个养猪场');
    expect(String(s.slots['facts'])).toContain('老板姓赵，去年开始养的');
    expect(s.state.expecting).not.toBe('address');
    const e = new Script('en');
    for (const m of ["My neighbour's pig farm dumps manure into the river, the smell is terrible", 'Xishan']) e.say(m);
    e.say('It is at the east end of our village, Liujia village, the farm belongs to a man called Zhao, he started last year and every summer the stink is so bad we cannot open windows');
    expect(e.slots['address']).toBe('the east end of our village, Liujia village');
    expect(String(e.slots['facts'])).toContain('a man called Zhao');
  });
});

describe('round Z, a resident reporting a chemical plant (en)', () => {
  it('"Hold on, someone\'s at the door, give me a few minutes." is a pause; "Sorry, I\'m back. Wait, I made a mistake: …" corrects the township and gives the place beside it', () => {
    const e = new Script('en');
    e.say("I want to report pollution. A chemical plant is dumping waste water into the creek at night, the water turns yellow and fish are dying. It's in Qingshi Town.");
    const facts = e.slots['facts'];
    e.say("Hold on, someone's at the door, give me a few minutes.");
    expect(e.slots['facts']).toBe(facts);
    expect(e.text).toContain('take your time');
    e.say("Sorry, I'm back. Wait, I made a mistake: the creek is actually in Taoyuan Township, not Qingshi. The plant is Qingshi-owned but the outlet is at Shangyu village, Taoyuan, under the stone bridge.");
    expect(e.slots['township']).toBe('桃源乡');
    expect(e.slots['address']).toBe('Shangyu village, under the stone bridge');
  });

  it('"What happened should be: A chemical plant in Qingshi Town is dumping …" replaces the story whole and leaves the township alone', () => {
    const e = new Script('en');
    e.say('I want to report pollution. A chemical plant is dumping waste water into the creek at night. It is in Taoyuan Township.');
    while (e.state.expecting !== 'confirm') e.say(e.state.expecting === 'name' ? 'Tom Wu' : e.state.expecting === 'phone' ? '13837465021' : e.state.expecting === 'peopleCount' ? 'just me' : 'skip');
    const story = 'A chemical plant in Qingshi Town is dumping waste water into the creek at night; the outlet is under the stone bridge in Shangyu village, Taoyuan. The water turns yellow and fish are dying.';
    e.say(`What happened should be: ${story}`);
    expect(e.slots['facts']).toBe(story);
    expect(e.slots['township']).toBe('桃源乡');
  });

  it('whom described with its name unknown keeps the description: "the chemical plant in Qingshi Town (I don\'t know its name)"', () => {
    const e = new Script('en');
    e.say('I want to report pollution. A chemical plant is dumping waste water into the creek at night. It is in Taoyuan Township.');
    while (e.state.expecting !== 'confirm') e.say(e.state.expecting === 'name' ? 'Tom Wu' : e.state.expecting === 'phone' ? '13837465021' : e.state.expecting === 'peopleCount' ? 'just me' : 'skip');
    e.say("Complaint against: the chemical plant in Qingshi Town (I don't know its name).");
    expect(e.slots['respondent']).toBe('the chemical plant in Qingshi Town (name unknown)');
    const s = new Script();
    s.say('河口镇有个化工厂往河里排污水');
    while (s.state.expecting !== 'confirm') s.say(s.state.expecting === 'name' ? '吴涛' : s.state.expecting === 'phone' ? '13837465021' : s.state.expecting === 'peopleCount' ? '就我自己' : '跳过');
    s.say('被反映对象写河口镇那个化工厂，名字不知道');
    expect(String(s.slots['respondent'])).toMatch(/^河口镇那个化工厂/);
  });
});

describe('round Z, a foreman for 13 workers (en)', () => {
  it('the place told beside the township is taken; "Oh wait, not 12 people, 13 — I forgot the cook" beside the representatives corrects the count', () => {
    const e = new Script('en');
    e.say("Hi, I'm writing for a group of construction workers. Our contractor hasn't paid us for 5 months.");
    e.say("It's the Riverside Garden housing project site in Hekou, near the bus station. The contractor is Zhao Jianguo of Hongsheng Construction Co.");
    expect(e.slots['township']).toBe('河口镇');
    expect(e.slots['address']).toBe('the Riverside Garden housing project site, near the bus station');
    e.say('We want all our back wages paid, about 380,000 yuan in total. There are 12 of us.');
    expect(e.state.expecting).toBe('representatives');
    e.say('Me and Chen Dahai 13698745210. Oh wait, not 12 people, 13 — I forgot the cook.');
    expect(e.slots['peopleCount']).toBe(13);
    expect(e.slots['representatives']).toEqual([{ self: true, name: null, phone: null }, { self: false, name: 'Chen Dahai', phone: '13698745210' }]);
  });

  it('"Complaint against should be: Zhao Jianguo, Hongsheng Construction Co." keeps both; "Hongsheng Construction Co. (boss Zhao Jianguo)" keeps the boss', () => {
    const e = new Script('en');
    e.say("Hi, I'm writing for a group of construction workers. Our contractor Zhao Jianguo hasn't paid us for 5 months.");
    while (e.state.expecting !== 'confirm') e.say(e.state.expecting === 'name' ? 'Li Ming' : e.state.expecting === 'phone' ? '13567012498' : e.state.expecting === 'township' ? 'Hekou' : e.state.expecting === 'peopleCount' ? 'just me' : 'skip');
    e.say('Complaint against should be: Zhao Jianguo, Hongsheng Construction Co.');
    expect(e.slots['respondent']).toBe('Zhao Jianguo, Hongsheng Construction Co');
    e.say('Please change the complaint against to Hongsheng Construction Co. (boss Zhao Jianguo)');
    expect(e.slots['respondent']).toBe('Hongsheng Construction Co. (boss Zhao Jianguo)');
  });

  it('在河口镇幸福花园工地，汽车站旁边 asked the township: the place comes with it', () => {
    const s = new Script();
    s.say('包工头欠了我们12个人五个月工资');
    s.say('在河口镇幸福花园工地，汽车站旁边。包工头叫赵建国');
    expect(s.slots['township']).toBe('河口镇');
    expect(s.slots['address']).toBe('幸福花园工地，汽车站旁边');
  });
});

describe('round Z, a daughter filing for her bedridden father', () => {
  const lines = ['你好 我想帮我爸反映个事 他瘫在床上来不了', '桃源乡杏花村 我爸的养老金从今年三月就没发了'];

  it('the place and the story in one answer: the story is kept, and a pension stopped is social insurance', () => {
    const s = new Script();
    for (const m of lines) s.say(m);
    expect(s.slots['address']).toBe('杏花村');
    expect(String(s.slots['facts'])).toContain('养老金从今年三月就没发了');
    expect(s.slots['category']).toBe('labor');
  });

  it('"应该是县社保局吧 乡里社保所说是县里卡着的" is 县社保局, and the words after it join the story once', () => {
    const s = new Script();
    for (const m of lines) s.say(m);
    while (s.state.expecting !== 'respondent' && s.state.expecting !== 'confirm') s.say(s.state.expecting === 'category' ? '社保' : '跳过');
    s.say('应该是县社保局吧 乡里社保所说是县里卡着的');
    expect(s.slots['respondent']).toBe('县社保局');
    expect(String(s.slots['facts']).split('乡里社保所说是县里卡着的').length).toBe(2);
  });

  it('"事情经过不对 要写清楚 …" replaces the story without "要写清楚"; "反映对象写县社保局 别的没问题了 提交吧" corrects and files', () => {
    const s = new Script();
    for (const m of lines) s.say(m);
    while (s.state.expecting !== 'confirm') s.say(s.state.expecting === 'name' ? '王秀兰' : s.state.expecting === 'phone' ? '15937261845' : s.state.expecting === 'peopleCount' ? '就我爸一个人' : '跳过');
    s.say('事情经过不对 要写清楚 我爸王德福的养老金从今年三月到现在一直没发 乡社保所说资格认证没过');
    expect(s.slots['facts']).toBe('我爸王德福的养老金从今年三月到现在一直没发 乡社保所说资格认证没过');
    const r = s.say('反映对象写县社保局 别的没问题了 提交吧');
    expect(s.slots['respondent']).toBe('县社保局');
    expect(r.effects.some((e) => e.type === 'submit_petition')).toBe(true);
  });
});

describe('round Z, a mother kept awake by a stone-cutting workshop (en)', () => {
  const first = "hello, there is a stone-cutting workshop behind my apartment in Chengguan that runs saws until 2am every night. I can't sleep and my kid can't either.";

  it('noise from a workshop at night is environment; asked about anonymity before the kind is known, both rules are told', () => {
    const e = new Script('en');
    e.say(first);
    expect(e.slots['category']).toBe('environment');
    const a = new Script('en');
    a.say('I want to file a complaint');
    a.say('can I stay anonymous?');
    expect(a.text).toContain('A report about officials can be anonymous');
    expect(a.text).toContain('Other matters need your real name and phone');
  });

  it('"It\'s not just me, probably 40 households … hear it" asks for whom she files; "I\'m only filing for my own family" at the representatives is one household', () => {
    const e = new Script('en');
    e.say(first);
    e.say('behind Building 3 of Jinxiu Community, Wenhua Road');
    e.say("I want them to stop working after 10pm. It's not just me, probably 40 households in buildings 3 and 4 hear it.");
    expect(e.slots['scope']).toBeUndefined();
    const g = new Script('en');
    g.say(first);
    g.say('behind Building 3 of Jinxiu Community, Wenhua Road');
    g.say('I want them to stop working after 10pm. 40 households, I am filing for all of them');
    expect(g.state.expecting).toBe('representatives');
    g.say("No no, I'm not representing anyone, I'm only filing for my own family. I just meant the neighbours are bothered too.");
    expect(g.slots['scope']).toBe('self');
    expect(g.slots['peopleUnit']).toBe('households');
    expect(g.state.expecting).not.toBe('representatives');
  });
});

describe('round Z, an anonymous report about a village head', () => {
  const lines = ['我要举报我们村主任 他把低保名额都给了他自己亲戚 真正困难的人反而没有 我能不能不留名字', '青石镇 上坝村 村主任叫孙建国'];

  it('"…他亲戚起码占了五六个名额 举报完了大概要多久能查": the question after a space is answered and stays out of the request', () => {
    const s = new Script();
    for (const m of lines) s.say(m);
    s.say('要求查一查今年的低保名单 不符合的取消 该给的给上 对村主任该处理就处理 他亲戚起码占了五六个名额 举报完了大概要多久能查');
    expect(s.slots['demands']).toBe('要求查一查今年的低保名单 不符合的取消 该给的给上 对村主任该处理就处理 他亲戚起码占了五六个名额');
    expect(s.text).toContain('15日内');
  });

  it('"诉求后面那句五六个名额不是诉求 删了" strikes that clause; a word the field does not hold strikes nothing', () => {
    const s = new Script();
    for (const m of [...lines, '要求查一查今年的低保名单 不符合的取消 对村主任该处理就处理 他亲戚起码占了五六个名额', '就我自己', '没有 头一回', '匿名']) s.say(m);
    while (s.state.expecting !== 'confirm') s.say('跳过');
    s.say('诉求后面那句要多久是我问你的 不是诉求 删了');
    expect(s.slots['demands']).toBe('要求查一查今年的低保名单 不符合的取消 对村主任该处理就处理 他亲戚起码占了五六个名额');
    s.say('诉求后面那句五六个名额不是诉求 删了');
    expect(s.slots['demands']).toBe('要求查一查今年的低保名单 不符合的取消 对村主任该处理就处理');
  });
});

describe('round Z, a son complaining about his mother\'s operation (en)', () => {
  const first = "My mother had a knee operation at Donghu Town Health Center in August and got a serious infection. The hospital says it's not their fault. I want to complain.";

  it('the place is the health center by its name, never "hospital"; an aside asked is answered and is no request', () => {
    const e = new Script('en');
    e.say(first);
    expect(e.slots['address']).toBe('Donghu Town Health Center');
    expect(e.state.expecting).toBe('demands');
    e.say('Sorry, unrelated, but do you know if the county hospital has an orthopedics clinic on Saturdays? She needs a follow-up.');
    expect(e.slots['demands']).toBeUndefined();
    expect(e.text).toContain('I cannot answer that well');
    expect(e.state.expecting).toBe('demands');
  });

  it('"Place should be Donghu Town Health Center, not just hospital. And please note the patient is my mother …" corrects and adds the note', () => {
    const e = new Script('en');
    e.say(first);
    while (e.state.expecting !== 'confirm') e.say(e.state.expecting === 'name' ? 'David Zhou' : e.state.expecting === 'phone' ? '17730258864' : e.state.expecting === 'peopleCount' ? 'just my mother' : 'skip');
    e.say('Place should be Health Center, not just hospital.');
    e.say("Place should be Donghu Town Health Center, not just hospital. And please note the patient is my mother Zhou Guilan, 68, I'm filing for her.");
    expect(e.slots['address']).toBe('Donghu Town Health Center');
    expect(String(e.slots['facts'])).toContain('the patient is my mother Zhou Guilan');
    expect(e.state.expecting).toBe('confirm');
  });
});

describe('round Z, a mother whose village school was merged away (en)', () => {
  const first = "Hi. The primary school in our village was closed this September and merged into the township central school 6 km away. There's no school bus. Kids as young as 7 walk along the provincial road.";

  it('"There\'s no school bus" names nobody; "The complaint is against the County Education Bureau" said beside the township replaces the guess; talk to us stays out of the story', () => {
    const e = new Script('en');
    e.say(first);
    expect(String(e.slots['respondent'] ?? '')).not.toMatch(/no school/i);
    e.say("I'm perfectly calm, no need for staff right now. Xishan Township, Baiyun village. The complaint is against the County Education Bureau, they decided the merger.");
    expect(e.slots['respondent']).toBe('the County Education Bureau');
    expect(e.slots['address']).toBe('Baiyun village');
    expect(String(e.slots['facts'])).not.toContain('perfectly calm');
  });

  it('the request keeps only the request: "I\'m speaking for the parents. No, we haven\'t petitioned before, …" answer the other questions', () => {
    const e = new Script('en');
    e.say(first);
    e.say('Xishan Township, Baiyun village.');
    e.say("Either reopen the village school for grades 1-3, or provide a free school bus. About 35 children from our village are affected, I'm speaking for the parents. No, we haven't petitioned before, only talked to the headmaster.");
    expect(e.slots['demands']).toBe('Either reopen the village school for grades 1-3, or provide a free school bus.');
    expect(e.slots['scope']).toBe('all');
    expect(e.slots['priorPetition']).toBe('none');
    const before = e.slots['facts'];
    while (e.state.expecting !== 'confirm' && e.state.expecting !== 'idNumber') e.say(e.state.expecting === 'representatives' ? 'Just me. My name is Grace Huang, phone 15090817263.' : 'skip');
    e.say('I already said: first time. We only talked to the headmaster.');
    expect(e.slots['facts']).toBe(before);
    expect(e.text).toContain('That is already what it says');
  });

  it('"complaint against is … (I told you earlier). And the request should only be: …" keeps the bracket and "And the" out of whom', () => {
    const e = new Script('en');
    e.say(first);
    while (e.state.expecting !== 'confirm') e.say(e.state.expecting === 'name' ? 'Grace Huang' : e.state.expecting === 'phone' ? '15090817263' : e.state.expecting === 'township' ? 'Xishan' : e.state.expecting === 'peopleCount' ? 'just me' : 'skip');
    e.say('Two fixes: complaint against is the Xishan Education Office (I told you earlier). And the request should only be: reopen the village school for grades 1-3, or provide a free school bus.');
    expect(e.slots['respondent']).toBe('the Xishan Education Office');
    expect(e.slots['demands']).toBe('reopen the village school for grades 1-3, or provide a free school bus.');
  });
});

describe('round Z, a farmer whose neighbour built a pigsty on his land', () => {
  const first = '俺家的承包地叫邻居给占了 他家盖猪圈往俺地里多占了半亩多 找村里调了两回调不下来 又去南河镇政府 镇上说这是民事纠纷叫俺去法院或者找县里 推来推去的 俺这地还有合同呢';

  it('earlier handling told in the story is not asked; the place keeps where in the village; "就俺一家 俺家五口人" is the family of five, for itself', () => {
    const s = new Script();
    s.say(first);
    expect(s.slots['priorPetition']).toBe('earlier_petition');
    s.say('柳树湾村 村南头那块地 挨着机井');
    expect(s.slots['address']).toBe('柳树湾村，村南头那块地，挨着机井');
    s.say('叫他把猪圈拆了把地退给俺 就俺一家 俺家五口人');
    expect(s.slots).toMatchObject({ peopleCount: 5, peopleUnit: 'people', scope: 'self' });
    expect(s.state.expecting).not.toBe('representatives');
  });

  it('"邻居叫陈二柱 写上 人数不是一个人 是俺一家五口 地点写细点 村南头挨着机井那块" makes all three changes and keeps the village', () => {
    const s = new Script();
    s.say(first);
    s.say('柳树湾村');
    while (s.state.expecting !== 'confirm') s.say(s.state.expecting === 'name' ? '陈国强' : s.state.expecting === 'phone' ? '13903927745' : s.state.expecting === 'peopleCount' ? '就我自己' : s.state.expecting === 'demands' ? '叫他把猪圈拆了把地退给俺' : '跳过');
    s.say('邻居叫陈二柱 写上 人数不是一个人 是俺一家五口 地点写细点 村南头挨着机井那块');
    expect(s.slots['respondent']).toBe('邻居陈二柱');
    expect(s.slots).toMatchObject({ peopleCount: 5, peopleUnit: 'people' });
    expect(s.slots['address']).toBe('柳树湾村村南头挨着机井');
    s.say('咋把柳树湾村弄没了 地点是柳树湾村村南头挨着机井');
    expect(s.slots['address']).toBe('柳树湾村村南头挨着机井');
    expect(s.text).not.toContain('接着登记');
  });
});

describe('round Z, an old widow whose 低保 was cancelled', () => {
  const first = '俺的低保叫取消了俺也不知道为啥 老头子走了俺一个人腿还不好 种不了地 西山乡马家坪村的 这事归哪个部门管你给俺说说';

  it('"是乡里民政上取消的吧 村会计来说的 说俺儿子…" is against the township\'s civil affairs, the rest is story; the request stops before "俺以前没找过谁", which answers earlier handling', () => {
    const s = new Script();
    s.say(first);
    expect(s.text).toContain('县民政局');
    s.say('俺也说不清 是乡里民政上取消的吧 村会计来说的 说俺儿子在外头打工有收入 可俺儿子早就分家了一年也不给俺钱');
    expect(s.slots['respondent']).toBe('西山乡民政');
    expect(String(s.slots['facts'])).toContain('俺儿子早就分家了');
    s.say('给俺把低保恢复了呗 俺以前没找过谁 就村会计那说过一嘴 他说他管不了');
    expect(s.slots['demands']).toBe('给俺把低保恢复了呗');
    expect(s.slots['priorPetition']).toBe('none');
  });

  it('on the summary, "不是告村会计 他就是来传话的 是乡里民政取消的 还有把俺儿子那事写上 说…" changes whom and adds to the story', () => {
    const s = new Script();
    for (const m of ['俺的低保叫取消了俺也不知道为啥 老头子走了俺一个人腿还不好 种不了地 西山乡马家坪村的', '村会计', '给俺把低保恢复了呗', '头一回', '赵桂芝 18237460598', '跳过']) s.say(m);
    while (s.state.expecting !== 'confirm') s.say('跳过');
    expect(s.slots['respondent']).toBe('村会计');
    s.say('不是告村会计 他就是来传话的 是乡里民政取消的 还有把俺儿子那事写上 说俺儿子打工有收入 可他早分家了不管俺');
    expect(s.slots['respondent']).toBe('西山乡民政');
    expect(String(s.slots['facts'])).toMatch(/\n俺儿子打工有收入 可他早分家了不管俺$/);
  });
});

describe('round Z, a fruit seller whose cart the urban management took (en)', () => {
  const first = 'Good evening. Two urban management officers took my fruit cart and scale last Tuesday at the Hekou morning market, no receipt given, and one of them pushed me. Will they find out it was me who complained?';

  it('"It\'s about the Hekou Town urban management team, …" beside the place names whom; nothing empty joins the story', () => {
    const e = new Script('en');
    e.say(first);
    e.say("The morning market on Binhe Street in Hekou. It's about the Hekou Town urban management team, the officer who pushed me had badge number 0417.");
    expect(e.slots['respondent']).toBe('the Hekou Town urban management team');
    expect(e.slots['address']).toBe('The morning market on Binhe Street');
    expect(String(e.slots['facts'])).not.toMatch(/\n\s*$/);
  });

  it('"Ma Ahmed (Ma Aihe on my ID), 199…, ID 4115…" is Ma Aihe, never "ID"; "It\'s Ma Aihe (I go by Ahmed)" corrects the name', () => {
    const e = new Script('en');
    e.say(first);
    while (e.state.expecting !== 'name' && e.state.expecting !== 'phone' && e.state.expecting !== 'confirm') e.say(e.state.expecting === 'peopleCount' ? 'just me' : e.state.expecting === 'demands' ? 'give back my cart' : 'skip');
    e.say('Ma Ahmed (Ma Aihe on my ID), 19937501246, ID 411523196209213020');
    expect(e.slots['name']).toBe('Ma Aihe');
    const f = new Script('en');
    f.say(first);
    while (f.state.expecting !== 'confirm') f.say(f.state.expecting === 'name' ? 'Ma Ahmed, 19937501246' : f.state.expecting === 'peopleCount' ? 'just me' : f.state.expecting === 'demands' ? 'give back my cart' : 'skip');
    f.say("My name is not 'Ma Ahmed'. It's Ma Aihe (I go by Ahmed).");
    expect(f.slots['name']).toBe('Ma Aihe');
  });
});

describe('left over: answers labelled with their fields, and a village road', () => {
  it('"我要反映村里的路坏了…" names no place ("里的路" never); "乡镇：…；地点：…；诉求：…" fills each field from its own words', () => {
    const s = new Script();
    s.say('我要反映村里的路坏了好几年没人修');
    expect(s.slots['address']).toBeUndefined();
    s.say('乡镇：东湖镇；地点：王庄村村口到小学那段；诉求：把路修好');
    expect(s.slots).toMatchObject({ township: '东湖镇', address: '王庄村村口到小学那段', demands: '把路修好' });
  });

  it('"东湖镇王庄村。诉求是把路修好，涉及全村200多户" answers the township and gives the request and the count', () => {
    const s = new Script();
    s.say('我要反映村里的路坏了好几年没人修');
    s.say('东湖镇王庄村。诉求是把路修好，涉及全村200多户');
    expect(s.slots).toMatchObject({ township: '东湖镇', address: '王庄村', demands: '把路修好', peopleCount: 200, peopleUnit: 'households' });
  });
});

describe('round Z2, a noodle-shop owner fined by market regulation (en)', () => {
  const first = "hi i run a small noodle shop in qingshi town. the market regulation people fined me 5000 because my price list wasn't posted on the wall, it fell down that morning!! is that even legal? what can you actually do about a fine?";

  it('a fine is answered with its lawful channels (reconsideration in 60 days, a lawsuit in 6 months), not with the review of our reply', () => {
    const e = new Script('en');
    e.say(first);
    expect(e.text).toContain('administrative reconsideration within 60 days');
    e.say('wait, first answer me: can a petition cancel a fine, or do i have to appeal somewhere? i don\'t want to waste time');
    expect(e.text).toContain('administrative reconsideration within 60 days');
    expect(e.text).not.toContain('ask for a review within');
    const facts = e.slots['facts'];
    e.say('that\'s about your reply, not the fine. my cousin says for a fine you do "administrative reconsideration". is that true? should I do that instead of this?');
    expect(e.slots['facts']).toBe(facts);
    expect(e.slots['priorPetition']).toBeUndefined();
    expect(e.text).toContain('administrative reconsideration within 60 days');
  });

  it('"the shop is Huang\'s Noodles at 18 Zhongxin Street" is the place; "…, put that in too" goes to the story; "the request is just: cancel the fine … then submit" corrects and files, never stops', () => {
    const e = new Script('en');
    e.say(first);
    e.say("ok whatever, i'll file it here anyway. the shop is Huang's Noodles at 18 Zhongxin Street, Qingshi. the complaint is about the Qingshi market supervision office, the two inspectors came on 20 November.");
    expect(e.slots['address']).toBe("Huang's Noodles, 18 Zhongxin Street");
    expect(e.slots['respondent']).toBe('the Qingshi market supervision office');
    e.say('cancel the fine or at least reduce it, a first-time mistake deserves a warning. just me. oh and the inspector was rude, said "pay or close", put that in too');
    expect(e.slots['demands']).toBe('cancel the fine or at least reduce it, a first-time mistake deserves a warning.');
    expect(String(e.slots['facts'])).toContain('the inspector was rude, said "pay or close"');
    while (e.state.expecting !== 'confirm') e.say(e.state.expecting === 'name' ? 'Huang Jie, phone 13503927718' : e.state.expecting === 'priorPetition' ? 'first time' : 'skip');
    const r = e.say('and the request is just: cancel the fine or reduce it to a warning. then submit');
    expect(e.slots['demands']).toBe('cancel the fine or reduce it to a warning');
    expect(r.effects.map((x) => x.type)).toContain('submit_petition');
  });
});

describe('round Z2, a flat that leaks (en)', () => {
  const first = "Good evening. My flat leaks every time it rains - water comes through the ceiling and the bathroom wall. It's a new building, handed over in 2024, Building 7 of Riverside Bay in Chengguan. The developer's property office just sends someone to paint over it.";

  it('"I said it: …" leads the place; what is said of the photos goes with the question about them; the request starts at "What I want:"', () => {
    const e = new Script('en');
    e.say(first);
    e.say("I said it: Riverside Bay, Building 7, unit 1502. Do I need to send photos of the damage? I have about 30 on my phone, and a video of water dripping onto my daughter's bed.");
    expect(e.slots['address']).toBe('Riverside Bay, Building 7, unit 1502');
    expect(String(e.slots['facts'])).not.toContain('30 on my phone');
    expect(e.text).toContain('You can send photos');
    e.say("Sorry, my daughter just got home, one sec. ... OK back. What I want: the developer must properly fix the waterproofing within the warranty period, and pay for my ruined wooden floor and wardrobe, around 15,000 yuan. At least 6 other flats in building 7 leak too, but I'm filing just for my family.");
    expect(String(e.slots['demands'])).toMatch(/^the developer must properly fix the waterproofing/);
  });

  it('"The developer is called Jiangbin Real Estate Co. Also what happened should mention …" names the developer and adds to the story, never replaces it', () => {
    const e = new Script('en');
    e.say(first);
    while (e.state.expecting !== 'confirm') e.say(e.state.expecting === 'name' ? 'Gao Yan, 18937152604' : e.state.expecting === 'peopleCount' ? 'just my family' : e.state.expecting === 'demands' ? 'fix the waterproofing' : 'skip');
    const before = String(e.slots['facts']);
    e.say('The developer is called Jiangbin Real Estate Co. Also what happened should mention at least 6 other flats in Building 7 leak too.');
    expect(e.slots['respondent']).toBe('Jiangbin Real Estate Co');
    expect(String(e.slots['facts'])).toMatch(new RegExp(`^${before.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(String(e.slots['facts'])).toContain('at least 6 other flats in Building 7 leak too');
  });
});

describe('round Z2, a veteran whose 优抚 subsidy was cut', () => {
  it('"我是老兵王富贵" gives the name; "身份证4109…4024 哦不对这是我老伴的 我的是4109…4514" keeps his own; "是俺老伴的号" is no ID of his', () => {
    const s = new Script();
    s.say('你好我是老兵王富贵 七九年上过前线的 今年开始我那个优扶金给减了 原来每月一千二现在剩八百 这个事能反应不');
    expect(s.slots['name']).toBe('王富贵');
    s.say('北岭乡 柳树沟村');
    while (s.state.expecting !== 'name' && s.state.expecting !== 'phone' && s.state.expecting !== 'confirm') s.say(s.state.expecting === 'peopleCount' ? '就我一个人' : s.state.expecting === 'demands' ? '把减的钱补回来' : '跳过');
    s.say('电话15837462918 身份证410922194902184024 哦不对这是我老伴的 我的是410922195803124514');
    expect(s.slots['idNumber']).toBe('410922195803124514');
    const h = new Script();
    h.say('俺老伴在县医院住院 多收了钱');
    while (h.state.expecting !== 'name' && h.state.expecting !== 'phone' && h.state.expecting !== 'confirm') h.say(h.state.expecting === 'township' ? '城关镇' : h.state.expecting === 'peopleCount' ? '就我自己' : h.state.expecting === 'demands' ? '把多收的钱退了' : '跳过');
    h.say('周德顺 电话18239475016 身份证410922194902184024 是俺老伴的号 住院的是她 俺的没带');
    expect(h.slots['idNumber']).not.toBe('410922194902184024');
  });

  it('"乡里民正所 还有县退役军人事物局 发钱的是他们" is both offices, spelt right, the township\'s by its name', () => {
    const s = new Script();
    s.say('俺的补贴给减了');
    s.say('北岭乡 柳树沟村');
    while (s.state.expecting !== 'respondent' && s.state.expecting !== 'confirm') s.say(s.state.expecting === 'category' ? '民政' : '跳过');
    s.say('乡里民正所 还有县退役军人事物局 发钱的是他们');
    expect(s.slots['respondent']).toBe('北岭乡民政所、县退役军人事务局');
  });
});

describe('round Z2, homebuyers without property certificates (en)', () => {
  const first = "Hello, I'm writing on behalf of the owners at Jinxiu Garden in Donghu Town. We moved in 3 years ago and still have no property certificates. The developer Huasheng Real Estate keeps saying next month. 86 households are affected.";

  it('"Jinxiu Garden" is the place and "The developer Huasheng Real Estate" whom (Real Estate is no place)', () => {
    const e = new Script('en');
    e.say(first);
    expect(e.slots['address']).toBe('Jinxiu Garden');
    expect(e.slots['respondent']).toBe('Huasheng Real Estate');
  });

  it('a second matter asked about, after the answer or with a reproach, is answered: file it on its own after this one', () => {
    const e = new Script('en');
    e.say(first);
    e.say('We want the certificates issued within a fixed deadline.');
    e.say("Three of us were chosen at the owners' meeting: me (Chen Mei, 18637429051), Guo Lixin 13782910456 and Sun Hao 15003918274. Sorry, unrelated - can I also complain here about my mother's pension being late? She's in Taoyuan.");
    expect(e.text).toContain('Each matter is filed on its own');
    expect((e.slots['representatives'] as unknown[]).length).toBe(3);
    e.say("You didn't answer - can I file my mother's pension problem too, separately? For this one: we went to the Donghu Town government twice last year and they said it's a county matter, then the county housing bureau said talk to the developer.");
    expect(e.text).toContain('Each matter is filed on its own');
    expect(String(e.slots['priorDetail'])).not.toContain('pension');
  });

  it('"Earlier handling: went to the Donghu Town government twice …" keeps every word ("Town" names no township there)', () => {
    const e = new Script('en');
    e.say(first);
    while (e.state.expecting !== 'confirm') e.say(e.state.expecting === 'name' || e.state.expecting === 'representatives' ? 'me, Chen Mei 18637429051' : e.state.expecting === 'demands' ? 'issue the certificates' : e.state.expecting === 'priorPetition' ? 'we asked the developer' : 'skip');
    e.say("Earlier handling: went to the Donghu Town government twice last year, they said it's a county matter; the county housing bureau told us to talk to the developer.");
    expect(e.slots['priorDetail']).toBe("went to the Donghu Town government twice last year, they said it's a county matter; the county housing bureau told us to talk to the developer.");
    expect(e.slots['township']).toBe('东湖镇');
  });
});

describe('round Z2, a bus driver owed overtime (en)', () => {
  const first = "Hi. Before I say anything - can I stay anonymous? I drive the No. 3 bus for the county public bus company and I don't want my boss to know it was me.";

  it('"OK. Wait, is this even the right place? … What department handles unpaid overtime?" answers both and stores no place "Wait"', () => {
    const e = new Script('en');
    e.say(first);
    e.say('OK. Wait, is this even the right place? The bus company is state-owned, should I go to the labour bureau instead? What department handles unpaid overtime?');
    expect(e.slots['address']).toBeUndefined();
    expect(e.text).toContain('can all be raised here');
    expect(e.text).toContain('Human Resources and Social Security Bureau');
    e.say('"Wait" isn\'t a place, I was just saying wait. The bus depot is on Xinhua Road in Chengguan Town. The company is Shifan County Public Transport Co., it\'s owned by the county.');
    expect(e.slots['township']).toBe('城关镇');
    expect(e.slots['address']).toBe('Xinhua Road');
  });

  it('a kind first read as "other" gives way to the story once it is clear; "Actually not 12, it\'s 15 drivers" beside the representatives corrects the count', () => {
    const e = new Script('en');
    e.say(first);
    e.say('Chengguan, the bus depot on Xinhua Road');
    e.say("Since March they make us drive double shifts on holidays and weekends but the overtime pay never comes, about 6,800 yuan for me so far. I want them to pay the overtime they owe and stop forcing unpaid extra shifts. It's about 12 of us drivers on lines 3 and 5.");
    expect(e.slots['category']).toBe('labor');
    expect(e.state.expecting).toBe('representatives');
    e.say("Actually not 12, it's 15 drivers, I forgot the line 5 night shift guys. Representatives: me, and Zhou Jianguo 13698745123.");
    expect(e.slots['peopleCount']).toBe(15);
    expect(e.slots['representatives']).toEqual([{ self: true, name: null, phone: null }, { self: false, name: 'Zhou Jianguo', phone: '13698745123' }]);
  });
});

describe('round Z2, a beekeeper whose bees died of roadside spraying', () => {
  const first = '我是青石镇杨家沟养蜂的马金宝 上礼拜镇里雇人在公路两边打农药除草 也没提前通知 我六十多箱蜜蜂死了一大半 蜂箱门口全是死蜂 一箱按八百算损失四万多块';

  it('"我是…养蜂的马金宝" gives the name; "能不能先存着 我回来接着说" is answered, no story; "回来了 刚才说的还在不" is no stop', () => {
    const s = new Script();
    s.say(first);
    expect(s.slots['name']).toBe('马金宝');
    s.say('就杨家沟村口那段路 反映的是青石镇政府 他们雇的打药队 哎我这会得去蜂场看看 能不能先存着 我回来接着说');
    expect(s.slots['address']).toBe('杨家沟村口那段路');
    expect(s.slots['respondent']).toBe('青石镇政府');
    expect(s.text).toContain('您说的内容都保存着');
    expect(String(s.slots['facts'])).not.toContain('存着');
    const asked = s.state.expecting;
    s.say('回来了 刚才说的还在不 我问你能不能存着你也没回');
    expect(s.text).not.toContain('停止');
    expect(s.state.expecting).toBe(asked);
  });

  it('"名字头回说了马金宝 电话…" gives the name', () => {
    const s = new Script();
    s.say('上礼拜镇里雇人在公路两边打农药除草 我六十多箱蜜蜂死了一大半');
    while (s.state.expecting !== 'name' && s.state.expecting !== 'phone' && s.state.expecting !== 'confirm') s.say(s.state.expecting === 'township' ? '青石镇' : s.state.expecting === 'peopleCount' ? '就我自己' : s.state.expecting === 'demands' ? '赔俺的蜂' : '跳过');
    s.say('名字头回说了马金宝 电话13569841027');
    expect(s.slots['name']).toBe('马金宝');
  });
});

describe('round Z2, a village without tap water since the road works', () => {
  const first = '同志你好我是南河镇下湾村的刘桂枝今年七十一了我们村从上个月修那个县道开始就没自来水了挖路把水管子挖断了施工队说不归他们管村里说找水厂水厂说找施工队我们现在天天去井里挑水';

  it('"不光施工队 还有县自来水公司" is both; "这要多久能修好啊" between the clauses of the request is answered and left out of it', () => {
    const s = new Script();
    s.say(first);
    s.say('吃水的事呗 你说算啥就算啥 对了不光施工队 还有县自来水公司 他们也不来修');
    expect(s.slots['respondent']).toBe('施工队、县自来水公司');
    s.say('赶紧把水管子接上让我们吃上水 全村一百二十来户都没水 这要多久能修好啊 天冷了井水也快冻了');
    expect(String(s.slots['demands'])).not.toContain('多久');
    expect(s.text).toContain('15日内');
  });

  it('"头一句不是说了吗 找过村里… 哎呀电话说错了 我的是…" takes the earlier handling and the phone, and the representative\'s phone of the citizen follows; an office is never a representative', () => {
    const s = new Script();
    s.say(first);
    s.say('其他');
    s.say('赶紧把水管子接上 全村一百二十来户');
    while (s.state.expecting !== 'representatives') s.say(s.state.expecting === 'peopleCount' ? '替大伙说的' : '跳过');
    s.say('我一个 还有村民组长李长顺 他电话13849275103 我的电话13707486329');
    s.say('头一句不是说了吗 找过村里找过水厂 都推 镇上没去过 哎呀电话说错了 我的是13707486392 后两位弄反了');
    expect(s.slots['phone']).toBe('13707486392');
    expect(s.slots['priorPetition']).toBe('earlier_petition');
    expect(s.slots['representatives']).toEqual([{ self: true, name: null, phone: '13707486392' }, { self: false, name: '李长顺', phone: '13849275103' }]);
    const asked = (): string | null => s.state.expecting;
    while (asked() !== 'confirm') s.say(asked() === 'name' ? '刘桂枝' : '跳过');
    s.say('反映的是修路的施工队和县自来水公司 写成不光施工队不对 还有代表那我的电话是13707486392 那个旧的是说错的');
    expect(s.slots['respondent']).toBe('修路的施工队和县自来水公司');
    expect((s.slots['representatives'] as { name: string | null }[]).map((r) => r.name)).toEqual([null, '李长顺']);
  });
});

describe('round Z2, an old man disputing his wife\'s hospital bill', () => {
  const first = '我老伴在县人民医院住了十二天院 出院结帐三万八 单子上有好多药她根本没用过 还有一天算了两回床位费 医保报完还得自己掏一万多 找医院收费处他们态度老凶 说电脑算的不会错';

  it('"医院在城关 … 俺家是东胡镇周庄的" is 城关镇, and his home is no place of the matter', () => {
    const s = new Script();
    s.say(first);
    s.say('医院在城关 县医院嘛 俺家是东胡镇周庄的 你要写哪个');
    expect(s.slots['township']).toBe('城关镇');
    expect(s.slots['address']).not.toBe('周庄');
  });

  it('"…对了俺孙子说可以找医保局 这事到底归你们管还是归医保局管" is answered and stays out of the request; "归不归你们管" too; "俺的没带" is no ID', () => {
    const s = new Script();
    s.say(first);
    s.say('城关镇 县人民医院');
    s.say('叫医院把帐重新算一遍 多收的退给俺 给个明细 就俺一家 对了俺孙子说可以找医保局 这事到底归你们管还是归医保局管');
    expect(s.slots['demands']).toBe('叫医院把帐重新算一遍 多收的退给俺 给个明细');
    expect(s.text).toContain('县卫生健康委员会');
    s.say('你还没回我呢 归不归你们管 找过医院收费处两回 没用');
    expect(s.text).toContain('都可以在这里反映');
    expect(s.slots['priorPetition']).toBe('earlier_petition');
    s.say('周德顺 电话18239475016 身份证410922194902184024 是俺老伴的号 住院的是她 俺的没带');
    expect(s.slots['idNumber']).toBeNull();
    s.say('周庄是俺家在东湖镇 地点写县人民医院');
    expect(s.slots['township']).toBe('城关镇');
  });
});

describe('round Z2, a bribe reported anonymously (en)', () => {
  const first = 'I want to report the deputy head of Hekou Town, a man named Deng Qiang. He took 20,000 yuan from my brother-in-law to approve a homestead (house plot) application. I saw the cash handed over at a restaurant. Can I do this anonymously?';

  it('the official is named; the place is the restaurant, not the time; the discipline commission asked about is answered, once', () => {
    const e = new Script('en');
    e.say(first);
    expect(e.slots['respondent']).toBe('the deputy head of Hekou Town, Deng Qiang');
    e.say("It was at the Laojie Restaurant on Binhe Road in Hekou, around 7pm on 3 October. Shouldn't this go to the discipline commission instead of you, though?");
    expect(e.slots['address']).toBe('the Laojie Restaurant on Binhe Road');
    expect(e.text).toContain('Commission for Discipline Inspection');
    expect(e.text).not.toContain('Tell me your matter in your own words');
    expect(String(e.slots['facts'])).toContain('around 7pm on 3 October');
    expect(String(e.slots['facts'])).not.toContain('discipline commission');
  });
});

describe('round Z2, a parent who lost a query code and then files about a teacher', () => {
  it('"查询码找不到了…用手机号能查吗？" is answered (privacy; 我的案件; a person)', () => {
    const s = new Script();
    s.say('你好，我上个月反映过一次我们家门口路灯坏了的事，想问问办得怎么样了，编号我记得是XF202611120031');
    expect(s.state.expecting).toBe('queryCode');
    s.say('查询码找不到了，纸条不知道放哪了。用手机号能查吗？15639028174');
    expect(s.text).toContain('凭手机号不能查');
  });

  it('"跟校长口头说过一次，校长说会管，结果还在办" is earlier handling; "身份证4109…这是我老公的，我自己的不记得，身份证就不填了吧" leaves it out without an error', () => {
    const s = new Script();
    s.say('我儿子在桃源乡中心小学上五年级，班主任周老师周末在自己家办补习班，一个月收600，不去的孩子上课就被点名批评');
    while (s.state.expecting !== 'priorPetition') s.say(s.state.expecting === 'address' ? '桃源新村' : s.state.expecting === 'demands' ? '希望教育局查一查，停了这个收费补习班' : s.state.expecting === 'peopleCount' ? '就我自己' : '跳过');
    s.say('跟校长口头说过一次，校长说会管，结果还在办。没找过别的地方。');
    expect(s.slots['priorPetition']).toBe('earlier_petition');
    s.say('孙丽，电话15639028174。身份证410922198309271635……等下，这是我老公的，我自己的不记得，身份证就不填了吧。');
    expect(s.slots['idNumber']).toBeNull();
    expect(s.text).not.toContain('应为18位');
  });
});

describe('round Z2, a farmer whose corn a quarry\'s blasting ruined', () => {
  const first = '喂 有人没 俺是西山乡石门村的 后山那个采石场天天放炮 俺家玉米地全给震坏了石头蹦到地里 找过村里好几回没人管';

  it('the story is environment; earlier handling keeps only its own words; "采石场是后山那个宏达石料厂" names the quarry', () => {
    const s = new Script();
    s.say(first);
    expect(s.slots['category']).toBe('environment');
    expect(s.slots['priorDetail']).toBe('找过村里好几回没人管');
    while (s.state.expecting !== 'confirm') s.say(s.state.expecting === 'name' || s.state.expecting === 'representatives' ? '代表就俺自己吧 俺叫张满仓 电话13937461258' : s.state.expecting === 'demands' ? '叫采石场赔俺的玉米 俺们组里五六户' : '跳过');
    s.say('事情经过里头再给俺添上 放炮灰大的很 石头砸到地里 俺们房墙都震裂了 采石场是后山那个宏达石料厂');
    expect(s.slots['respondent']).toBe('宏达石料厂');
    expect(String(s.slots['facts'])).toContain('俺们房墙都震裂了');
  });

  it('"这算啥类俺也不懂 … 你看着办吧" asked the kind takes the kind the story tells', () => {
    const s = new Script();
    for (const m of ['俺家的事 想反映一下', '青石镇', '跳过']) s.say(m);
    expect(s.state.expecting).toBe('category');
    s.say('这算啥类俺也不懂 就是鱼塘的鱼叫上游厂子排的污水毒死了 水都是黑的 你看着办吧');
    expect(s.slots['category']).toBe('environment');
  });
});

describe('round Z3, a count corrected, a meal in the middle, a label in quotes', () => {
  it('"人数说错了 昨天又有两个工友加进来 是17个人 不是15个" is 17, never the two who joined', () => {
    const s = new Script();
    s.say('你好，我们是青石镇红星砖厂的工人，老板拖欠我们工资大半年了，一共15个人，总共欠了四十多万，老板现在人都找不到了');
    while (s.state.expecting !== 'confirm') s.say(s.state.expecting === 'representatives' ? '我叫赵建军 电话15156023381，还有马东 13355602917' : s.state.expecting === 'name' ? '赵建军 15156023381' : s.state.expecting === 'demands' ? '要求尽快把工资发给我们' : '跳过');
    s.say('人数说错了 昨天又有两个工友加进来 是17个人 不是15个');
    expect(s.slots).toMatchObject({ peopleCount: 17, scope: 'all' });
    expect((s.slots['representatives'] as unknown[]).length).toBe(2);
  });

  it('"…就俺一家 等一下 俺老伴叫俺吃饭" keeps the meal out of the request; "吃完了 回来了 你刚才问啥来着 以前反映过没有是吧 找过…" is the answer alone; "那厂子叫宏达化工厂" names the factory', () => {
    const s = new Script();
    s.say('我是河口镇下湾村养鱼的老陈 今年承包了二十亩鱼塘 上个月村东头那个化工厂往河沟里排黑水 一夜之间鱼全翻了白肚子 死了三万多斤');
    s.say('俺就要厂子赔俺鱼钱 按市价算得十来万 就俺一家 等一下 俺老伴叫俺吃饭');
    expect(s.slots['demands']).toBe('俺就要厂子赔俺鱼钱 按市价算得十来万');
    s.say('吃完了 回来了 你刚才问啥来着 以前反映过没有是吧 找过镇上环保所 他们说等化验 化验一个月了也没信');
    expect(s.slots['priorDetail']).toBe('找过镇上环保所 他们说等化验 化验一个月了也没信');
    while (s.state.expecting !== 'confirm') s.say(s.state.expecting === 'name' ? '陈保国 电话13956021846' : '跳过');
    s.say('还有那厂子叫宏达化工厂');
    expect(s.slots['respondent']).toBe('宏达化工厂');
  });

  it('"please change "Complaint against" to: Sunshine Bilingual School, principal Mr. Gao." keeps no quote and no "to:"', () => {
    const e = new Script('en');
    e.say('Hello, I am an English teacher working at a private school in Chengguan. My employer has kept my passport for three months and refuses to give it back.');
    while (e.state.expecting !== 'confirm') e.say(e.state.expecting === 'name' ? 'Emily Carter, 15955302186' : e.state.expecting === 'demands' ? 'give my passport back. Just me.' : 'skip');
    e.say('No, please change "Complaint against" to: Sunshine Bilingual School, principal Mr. Gao.');
    expect(e.slots['respondent']).toBe('Sunshine Bilingual School, principal Mr. Gao');
  });
});

describe('round Z3, a delivery rider and a widow robbed of her subsidy', () => {
  it('"类别不对吧 … 不是噪音占道的事" with no other kind named sets the kind to other', () => {
    const s = new Script();
    s.say('你好 我要反映个事 前天送外卖被城管的车撞了 腿都骨折了 没人管');
    expect(s.slots['category']).toBe('urban');
    while (s.state.expecting !== 'confirm') s.say(s.state.expecting === 'township' ? '城关镇' : s.state.expecting === 'name' ? '刘小军 电话13856021473' : s.state.expecting === 'demands' ? '就我自己 我要城管赔医药费跟误工费' : '跳过');
    s.say('类别不对吧 我这是被城管的车撞伤了 不是噪音占道的事 还有事情经过你给我加上 交警认定城管的车全责');
    expect(s.slots['category']).toBe('other');
    expect(String(s.slots['facts'])).toContain('交警认定城管的车全责');
  });

  it('"俺们村支书他侄子把俺家的扶贫钱给领走了" is against the secretary and his nephew', () => {
    const s = new Script();
    s.say('同志你好 俺要告状 俺们村支书他侄子把俺家的扶贫钱给领走了 好几年了 俺一分没见着');
    expect(s.slots['respondent']).toBe('村支书及其侄子');
  });
});

describe('round Z3, a villager who asks first and files for 60 households (en)', () => {
  it('a first message of questions answers them and tells no kind and no story', () => {
    const e = new Script('en');
    e.say('Hi. Before I say anything, I have a few questions. Does it cost anything to file a complaint here? And who actually handles it - the county or the township?');
    expect(e.text).toContain('free of charge');
    expect(e.text).toContain('it goes to the unit in charge');
    expect(e.slots['category']).toBeUndefined();
    expect(e.slots['facts']).toBeUndefined();
  });

  it('"do I need … to sign anything?" is answered; "Me, Wu Jianhua, phone …" is the citizen named; "Not anonymous." is no anonymity; "The office is …" is whom', () => {
    const e = new Script('en');
    e.say('It is about our village water supply. Shangping village in Taoyuan Township has had no tap water for three weeks since the township water station was "upgraded". About 60 households, mostly old people, carry water from the river.');
    expect(e.state.expecting).toBe('category');
    e.say('other, the water supply');
    expect(e.state.expecting).toBe('respondent');
    e.say('As I said, it is NOT a report about an official. It is about the water supply. The office is the Taoyuan township water station (the township government runs it).');
    expect(e.slots['respondent']).toBe('the Taoyuan township water station');
    e.say('We want tap water restored within a week, and until then a water truck every day. Oh and one more question, do I need to bring the other villagers to sign anything?');
    expect(e.text).toContain('No signatures are needed');
    while (e.state.expecting !== 'representatives') e.say(e.state.expecting === 'peopleCount' ? 'Yes, for all of them' : 'skip');
    e.say('Me, Wu Jianhua, phone 18756024419. And the village head Mr. Tang Youcai, 13505617720.');
    expect(e.slots['representatives']).toEqual([{ self: true, name: 'Wu Jianhua', phone: '18756024419' }, { self: false, name: 'Tang Youcai', phone: '13505617720' }]);
    expect(e.slots['name']).toBe('Wu Jianhua');
  });
});

describe('round Z3, a daughter writing for her parents about a tutoring school (en)', () => {
  const first = 'Hi, I am writing for my parents who do not use the internet. My younger brother is a high school student. In August my parents paid 28,000 yuan to a tutoring school in Nanhe Town, Top Scholar Education, which promised a guaranteed score increase or full refund. Now the school has moved out and the boss is not answering calls.';

  it('the school is whom by its name ("Now the school" never); a correction in quotes keeps no quotes and stays out of the story', () => {
    const e = new Script('en');
    e.say(first);
    expect(e.slots['respondent']).toBe('Top Scholar Education');
    e.say('It was on the 2nd floor of the Xinhua Bookstore building, Nanhe main street. And the complaint is against "Top Scholar Education", not "Now the school".');
    expect(e.slots['respondent']).toBe('Top Scholar Education');
    expect(String(e.slots['facts'])).not.toContain('the complaint is against');
  });

  it('"Should they file separately?" is about the others; "Is it OK that I give my own name and phone, since I am writing for my parents?" is answered as filing for family', () => {
    const e = new Script('en');
    e.say(first);
    e.say('the 2nd floor of the Xinhua Bookstore building');
    e.say('We want the full 28,000 refunded as the contract promised. It is my family, but I know at least 10 other families who paid too. Should they file separately?');
    expect(e.text).toContain('the other families can each file their own');
    while (e.state.expecting !== 'priorPetition') e.say(e.state.expecting === 'peopleCount' ? 'Just for my family.' : 'skip');
    e.say('My father called the Nanhe market supervision office in November; they said they would look into it, then nothing. Is it OK that I give my own name and phone, since I am writing for my parents?');
    expect(e.text).toContain('You can file for a family member');
  });
});

describe('round Z3, a family whose ancestors\' graves were levelled for a road', () => {
  it('"回来了 刚才邻居来说事 俺们说到哪了" after a pause is no request: the question comes again', () => {
    const s = new Script();
    for (const m of ['喂 有人吗 我家祖坟叫人给平了 修路的 一声招呼都没打', '西山乡的 石门村 后山那块', '征地的事', '县交通局']) s.say(m);
    expect(s.state.expecting).toBe('demands');
    s.say('等一下 有人敲门');
    s.say('回来了 刚才邻居来说事 俺们说到哪了');
    expect(s.slots['demands']).toBeUndefined();
    expect(s.state.expecting).toBe('demands');
  });
});

describe('round Z3, a landlord whose tenant will not leave', () => {
  it('"幸福小区 5号楼2单元301 这是我出租的房子" is the flat without the remark; "被反映对象还有那个租客 叫赵强 他才是…" adds the tenant by name', () => {
    const s = new Script();
    s.say('我想问一下 我家房子租出去了 租客合同到期半年了赖着不走 房租也不给 报警了派出所说是民事纠纷不管 这种你们能管吗');
    s.say('城关镇 幸福小区 5号楼2单元301 这是我出租的房子');
    expect(s.slots['address']).toBe('幸福小区 5号楼2单元301');
    while (s.state.expecting !== 'confirm') s.say(s.state.expecting === 'name' ? '张桂兰 手机13605619274' : s.state.expecting === 'demands' ? '就我自己家 我要求派出所出面帮我把人清走' : '跳过');
    expect(s.slots['respondent']).toBe('派出所');
    s.say('被反映对象还有那个租客 叫赵强 他才是赖着不走的人 派出所是不作为');
    expect(s.slots['respondent']).toBe('派出所和租客赵强');
    expect(s.state.handoff).toBeNull();
  });
});

describe('round Z3, a man refused a disability certificate', () => {
  it('"我家住桃源乡柳湾村 反映的就是县残联 他们评残的那个医生… 我找人量过…" is 柳湾村 and 县残联, nothing else', () => {
    const s = new Script();
    s.say('你好 我是桃源乡的 我腿是小时候小儿麻痹落下的 走路得拄拐 去申请残疾证 县残联说我不够级别不给办 我想反映一下');
    s.say('我家住桃源乡柳湾村 反映的就是县残联 他们评残的那个医生看了两眼就说不够 我找人量过 按标准够四级了');
    expect(s.slots['address']).toBe('柳湾村');
    expect(s.slots['respondent']).toBe('县残联');
  });
});

describe('round Z4, a widow, a patient, a shopkeeper', () => {
  it('"事情经过没写全 还有 …" adds to the story, never replaces it', () => {
    const s = new Script();
    s.say('你好 我老汉去年腊月走了 我那个养老金就停了 一分钱都没了 我想问问咋回事');
    while (s.state.expecting !== 'confirm') s.say(s.state.expecting === 'township' ? '北岭乡 石头沟村' : s.state.expecting === 'name' ? '王桂英 电话13937521846' : s.state.expecting === 'demands' ? '就想把俺自己的养老金接着发 就俺自己一个' : '跳过');
    const before = String(s.slots['facts']);
    s.say('事情经过没写全 还有 以前每月发一百多块 俺老汉没了以后正月开始俺自己的也不发了');
    expect(String(s.slots['facts']).startsWith(before)).toBe(true);
    expect(String(s.slots['facts'])).toContain('以前每月发一百多块');
    expect(String(s.slots['facts'])).not.toContain('没写全');
  });

  it('"The hospital is on Renmin Road in Chengguan, I live in Nanhe though" is Chengguan', () => {
    const e = new Script('en');
    e.say('The county hospital overcharged me for a stay in November, they billed tests I never had.');
    e.say('The hospital is on Renmin Road in Chengguan, I live in Nanhe though. I was there 3-12 November.');
    expect(e.slots['township']).toBe('城关镇');
  });

  it('"我店在城关镇建设街45号，叫惠民便利店" is the citizen\'s own shop, never whom', () => {
    const s = new Script();
    s.say('我在城关镇开小超市的，上个月从县里一个批发商那进了300箱牛奶，付了全款一万五，结果送来的一半是快过期的，还有20箱根本就没送');
    s.say('我店在城关镇建设街45号，叫惠民便利店。批发商是县城东关的鑫源食品批发部，老板姓郑。');
    expect(s.slots['respondent']).not.toBe('惠民便利店');
  });

  it('"来了两个人" counts those who came, not those it concerns', () => {
    expect(readPeopleCount('城管来了四五个人 把俺的车子拉走了', { narrative: true })).toBeNull();
  });
});

describe('round Z4, residents against a mobile tower (en)', () => {
  it('"Oh and it\'s not 12 families, it\'s 15 now, three more signed yesterday" beside whom corrects the count to 15', () => {
    const e = new Script('en');
    e.say("Hello, I'm writing on behalf of residents of Building 3 and 4, Riverside Community, Chengguan Town. China Mobile put up a big 5G tower on the roof of Building 4 last month without asking anyone. We have 12 families who signed a letter.");
    e.say("China Mobile Shifan branch, as I said, and the property management company Jiaxin Property who allowed it. Oh and it's not 12 families, it's 15 now, three more signed yesterday.");
    expect(e.slots['peopleCount']).toBe(15);
  });
});

describe('round Z4, values kept clean', () => {
  it('"被反映的是南河镇城管中队 写清楚点" and "反映的是西山乡政府 别的那些话不是" keep only whom; "…大门口啊我刚说了" only the place', () => {
    const s = new Script();
    s.say('我在南河镇农贸市场门口卖烤红薯 城管来了把俺的车子拉走了');
    s.say('就在南河镇农贸市场大门口啊我刚说了');
    expect(s.slots['address']).toBe('农贸市场大门口');
    while (s.state.expecting !== 'confirm') s.say(s.state.expecting === 'name' ? '刘红梅 13603851274' : s.state.expecting === 'demands' ? '把车子还给俺' : s.state.expecting === 'peopleCount' ? '就我自己一个' : '跳过');
    s.say('被反映的是南河镇城管中队 写清楚点');
    expect(s.slots['respondent']).toBe('南河镇城管中队');
  });

  it('"反映的是西山乡政府 别的那些话不是 地点是柳树湾村南头过河的桥 …" keeps whom and the whole place', () => {
    const s = new Script();
    for (const m of ['俺们村过河的那座桥叫大水冲垮了 娃娃上学得绕十几里', '西山乡 柳树湾村', '镇上 西山乡政府 村委会也找过 村长说他也没法']) s.say(m);
    while (s.state.expecting !== 'confirm') s.say(s.state.expecting === 'name' ? '柳长贵 13569720418' : s.state.expecting === 'demands' ? '赶紧把桥修起来' : s.state.expecting === 'peopleCount' ? '一百多户' : s.state.expecting === 'representatives' ? '就我一个' : '跳过');
    s.say('反映的是西山乡政府 别的那些话不是 地点是柳树湾村南头过河的桥');
    expect(s.slots['respondent']).toBe('西山乡政府');
    expect(s.slots['address']).toBe('柳树湾村南头过河的桥');
  });

  it('"I want the 2,300 refunded …. Also does the medical insurance bureau check this kind of thing?" keeps the amount whole', () => {
    const e = new Script('en');
    e.say("hi, i got charged twice for the same CT scan at Shifan County People's Hospital. total overcharge about 2,300 yuan.");
    while (e.state.expecting !== 'demands' && e.state.expecting !== 'confirm') e.say(e.state.expecting === 'township' ? 'Chengguan' : 'skip');
    e.say('just me. I want the 2,300 refunded and an itemised explanation of the bill. Also does the medical insurance bureau check this kind of thing?');
    expect(String(e.slots['demands'])).toContain('I want the 2,300 refunded and an itemised explanation of the bill.');
  });
});

describe('round Z4, a worker injured on a site (en)', () => {
  it('on the summary "The complaint is against Liu Dapeng (labour contractor) and Hengtai Real Estate." corrects whom', () => {
    const e = new Script('en');
    e.say('Hi. I work on a building site in Hekou Town, fell from scaffolding and broke my leg. The contractor paid the hospital for 3 days then stopped answering calls.');
    while (e.state.expecting !== 'confirm') e.say(e.state.expecting === 'name' ? 'Zhang Wei, 15837204419' : e.state.expecting === 'demands' ? 'pay the rest of my hospital bill. just me' : 'skip');
    e.say('The complaint is against Liu Dapeng (labour contractor) and Hengtai Real Estate.');
    expect(e.slots['respondent']).toBe('Liu Dapeng (labour contractor) and Hengtai Real Estate');
  });
});

describe('round Z4, whom by proper names only (en)', () => {
  it('"Complaint against should be China Mobile Shifan branch and Jiaxin Property." corrects whom', () => {
    const e = new Script('en');
    e.say("Hello, I'm writing on behalf of residents of Building 3 and 4, Riverside Community, Chengguan Town. A big 5G tower was put on the roof of Building 4 last month without asking anyone.");
    while (e.state.expecting !== 'confirm') e.say(e.state.expecting === 'name' || e.state.expecting === 'representatives' ? 'me, Chen Jie, 18638529064' : e.state.expecting === 'demands' ? 'remove the tower' : e.state.expecting === 'respondent' ? 'the property management' : 'skip');
    e.say('Two mistakes. Complaint against should be China Mobile Shifan branch and Jiaxin Property. And the request got cut: we want the tower removed or moved away from homes, and an independent radiation test.');
    expect(e.slots['respondent']).toBe('China Mobile Shifan branch and Jiaxin Property');
  });
});

describe('round Z5, a tenant whose landlord cut the water', () => {
  const story = '你好，我在城关镇租房子住，住的是幸福路28号一个老小区的一楼，房东姓赵，因为我上个月房租晚交了五天，他就把我家的水闸给关了，现在已经停水十二天了，这么冷的天，家里有一个七岁的孩子还有我妈妈七十多了，我们只能去邻居家拎水，做饭洗衣服都成问题，我找他说过好几次，他说不交下个季度的房租就别想有水，我交了这个月的他还是不开，我打过12345也没人管，我真的没办法了';

  it('the earlier handling of one long comma-only story is its clauses about it, not the whole story; "让房东马上…" names no 房东马上', () => {
    const s = new Script();
    s.say(story);
    expect(s.slots['priorDetail']).toBe('我找他说过好几次，我打过12345也没人管');
    s.say('我就想让房东马上把水给开了，还有他这样做是不是违法，应该有人管管他。就我们一家三口');
    expect(s.slots['respondent']).toBe('房东');
  });

  it('on the summary "被反映对象不对，什么房东马上，是房东赵建国。还有电话错了一位，是187…" corrects both; "此前处理情况太长了，就写：…" replaces it', () => {
    const s = new Script();
    for (const m of [story, '我就想让房东把水给开了。就我们一家三口', '我叫周晓梅，电话18737261190']) s.say(m);
    while (s.state.expecting !== 'confirm') s.say('跳过');
    s.say('被反映对象不对，什么房东马上，是房东赵建国。还有电话错了一位，是18737261109');
    expect(s.slots['respondent']).toBe('房东赵建国');
    expect(s.slots['phone']).toBe('18737261109');
    s.say('此前处理情况太长了，就写：找房东说过好几次，打过12345没人管');
    expect(s.slots['priorDetail']).toBe('找房东说过好几次，打过12345没人管');
  });
});

describe('round Z5, a teacher owed overtime (en)', () => {
  it('"I represent them together with Mr. Chen Hao, phone 135…" gives the representatives; three fixes in one message all land', () => {
    const e = new Script('en');
    e.say('OK. I want to file now. I am a teacher at Donghu Town Middle School. The school has not paid our overtime for evening self-study classes since March, about 40 hours a month.');
    e.say("It's the school itself, Donghu Middle School, on Hubin Road.");
    e.say('I want the school to pay the overtime owed since March, about 9 months. There are 11 teachers in the same situation, I represent them together with Mr. Chen Hao, phone 13598127734.');
    expect(e.slots['representatives']).toEqual([{ self: true, name: null, phone: null }, { self: false, name: 'Chen Hao', phone: '13598127734' }]);
    expect(e.slots['demands']).toBe('I want the school to pay the overtime owed since March, about 9 months.');
    while (e.state.expecting !== 'confirm') e.say(e.state.expecting === 'name' ? 'Wang Min, 13903718825' : e.state.expecting === 'priorPetition' ? 'We talked to the principal twice.' : 'skip');
    e.say("Three fixes: the request should not have 'Chen Hao' at the end. Complaint against is Donghu Middle School, not just 'school'. And sorry, it's 12 teachers, not 11.");
    expect(e.slots['respondent']).toBe('Donghu Middle School');
    expect(e.slots['peopleCount']).toBe(12);
    expect(e.slots['demands']).toBe('I want the school to pay the overtime owed since March, about 9 months.');
  });
});

describe('round Z5, places and whom read from free words', () => {
  it('"我们村会计贪污村民的种粮补贴" names no village "会计贪污村"; "我们村会计叫孙德旺" names the accountant; "被举报的是村会计孙德旺，名字要写上" is what it says', () => {
    const s = new Script();
    s.say('我要举报我们村会计贪污村民的种粮补贴，能不能匿名？');
    expect(s.slots['address']).toBeUndefined();
    s.say('青石镇 大柳树村，我们村会计叫孙德旺');
    expect(s.slots['address']).toBe('大柳树村');
    expect(s.slots['respondent']).toBe('村会计孙德旺');
    while (s.state.expecting !== 'confirm') s.say(s.state.expecting === 'name' ? '匿名' : s.state.expecting === 'demands' ? '希望纪委查一查他，把钱退给老百姓。就我自己' : '跳过');
    s.say('地点写错了，是大柳树村。还有被举报的是村会计孙德旺，名字要写上');
    expect(s.text).toContain('村会计孙德旺');
    expect(s.slots['name'] ?? null).toBeNull();
  });

  it('asked where, "我们是北岭乡石岗村的，不是要迁我们村" is the place and leaves the story alone', () => {
    const s = new Script();
    s.say('wo shi beiling xiang de, 修路要迁我们村的祖坟，一个坟才给800块，没人跟我们商量');
    expect(s.slots['address']).toBeUndefined();
    s.say('迁坟的事，算征地补偿吧？我们是北岭乡石岗村的，不是要迁我们村');
    expect(s.slots['address']).toBe('石岗村');
    expect(s.slots['facts']).toContain('修路要迁我们村的祖坟');
  });

  it('"西山乡 上坪村 我七十八了 社保所的人说…" gives the village; "被反映的写县社保局 社保所是他们下面的 都有责任" keeps both', () => {
    const s = new Script();
    s.say('我的养老金停了三个月了说我死了我还活着啊这咋整');
    expect(s.slots['facts']).not.toMatch(/这$/);
    s.say('西山乡 上坪村 我七十八了 社保所的人说系统里显示我去年死了 我每个月都去领钱的咋会死了');
    expect(s.slots['address']).toBe('上坪村');
    while (s.state.expecting !== 'confirm') s.say(s.state.expecting === 'name' ? '刘德福 13839012276' : s.state.expecting === 'demands' ? '我要把养老金接着发 就我一个人' : '跳过');
    s.say('被反映的写县社保局 社保所是他们下面的 都有责任');
    expect(s.slots['respondent']).toBe('县社保局、社保所');
  });

  it('(en) "Police station keep saying…" names no place; "we live in Shuikou village" and "against X, the hukou office, not any police station" both correct', () => {
    const e = new Script('en');
    e.say('Hello. I am from Vietnam, married to a Chinese man in Taoyuan. Our son is 3 years old and still can not get hukou registered. Police station keep saying papers not enough.');
    expect(e.slots['address']).toBeUndefined();
    e.say("I want my son to get hukou, he is a Chinese citizen's son. Only our family.");
    expect(String(e.slots['demands'])).not.toContain('Only our family');
    while (e.state.expecting !== 'confirm') e.say(e.state.expecting === 'name' ? 'Nguyen Thi Hoa. phone 15877462190' : e.state.expecting === 'address' ? 'the market street in Taoyuan' : 'skip');
    e.say('Two things wrong: we live in Shuikou village, Taoyuan. And complaint is against Taoyuan police station, the hukou office, not any police station.');
    expect(e.slots['address']).toBe('Shuikou village');
    expect(e.slots['respondent']).toBe('Taoyuan police station, the hukou office');
  });
});

describe('round Z5, an intern, a noodle shop, a delivery rider', () => {
  it('(en) an unpaid internship stipend is labour; "Chengguan Town, it is the … Hospital on Renmin Road" is the place; "6 of us in the same situation" asks who files', () => {
    const e = new Script('en');
    e.say('Hello, I am a nursing student. The county hospital did not pay my internship stipend for 4 months. I want to file a complaint.');
    expect(e.slots['category']).toBe('labor');
    e.say("Chengguan Town, it is the County People's Hospital on Renmin Road.");
    expect(e.slots['address']).toBe("the County People's Hospital on Renmin Road");
    e.say('I want the hospital to pay the stipend, 800 yuan a month, 4 months total 3200. There are 6 of us interns in the same situation.');
    expect(e.slots['scope']).toBeUndefined();
    expect(e.state.expecting).toBe('peopleCount');
  });

  it('(en) "Lily Zhang, Chinese name 张丽丽" keeps both names; "please also put my Chinese name 张丽丽" adds it beside the English one', () => {
    const e = new Script('en');
    e.say('Hello, I am a nursing student. The county hospital did not pay my internship stipend for 4 months.');
    while (e.state.expecting !== 'name') e.say(e.state.expecting === 'demands' ? 'pay my stipend, just me' : e.state.expecting === 'township' ? 'Chengguan' : 'skip');
    e.say('My name is Lily Zhang, Chinese name 张丽丽, phone 17734520918.');
    expect(e.slots['name']).toBe('Lily Zhang (张丽丽)');
    const f = new Script('en');
    f.say('Hello, I am a nursing student. The county hospital did not pay my internship stipend for 4 months.');
    while (f.state.expecting !== 'confirm') f.say(f.state.expecting === 'name' ? 'Lily Zhang, 17734520918' : f.state.expecting === 'demands' ? 'pay my stipend, just me' : f.state.expecting === 'township' ? 'Chengguan' : 'skip');
    f.say('Please also put my Chinese name 张丽丽.');
    expect(f.slots['name']).toBe('Lily Zhang (张丽丽)');
  });

  it('(en) a shop sign torn down by 城管 is urban management', () => {
    const e = new Script('en');
    e.say('hi, my shop sign was torn down by 城管 yesterday without any notice. I run a small noodle shop. who can I complain to?');
    e.say('Nanhe Town, Xinhua Street number 15, my shop is called 老刘面馆');
    expect(e.slots['category']).toBe('urban');
  });

  it('"交警老罚我款" opens the story and names whom; "刚说了 交警大队 城关中队" asked the request names whom more exactly; "地点再具体点 是…" corrects the place', () => {
    const s = new Script();
    s.say('交警老罚我款');
    expect(s.state.expecting).toBe('facts');
    s.say('我送外卖的 电动车 城关镇解放路那个路口 一个月被罚了6次 每次200 说我闯红灯 我根本没闯');
    expect(s.slots['facts']).toMatch(/^交警老罚我款\n我送外卖的/);
    expect(s.slots['respondent']).toBe('交警');
    while (s.state.expecting !== 'demands') s.say(s.state.expecting === 'category' ? '执法 交警乱罚款' : '跳过');
    s.say('刚说了 交警大队 城关中队');
    expect(s.slots['respondent']).toBe('交警大队城关中队');
    expect(s.slots['demands']).toBeUndefined();
    const expecting = (): string | null => s.state.expecting;
    while (expecting() !== 'confirm') s.say(expecting() === 'name' ? '李强 电话18603721946' : expecting() === 'demands' ? '把罚款退给我。就我自己' : '跳过');
    s.say('地点再具体点 是解放路和建设路交叉口那个红绿灯。这个罚款能退吗');
    expect(s.slots['address']).toBe('解放路和建设路交叉口那个红绿灯');
  });
});

describe('round Z5, questions asked on the way', () => {
  it('(en) "can you tell me what the petition procedure is and how long it takes?" gets the procedure, not only the time limits', () => {
    const e = new Script('en');
    e.say('Good afternoon. Before I file anything, can you tell me what the petition procedure is and how long it takes?');
    expect(e.text).toContain('The procedure');
    expect(e.text).toContain('within 15 days');
  });

  it('(en) "is it okay to complain about my own employer? Could I get in trouble?" is answered about retaliation, no legal text; "the school itself, Donghu Middle School" names whom', () => {
    const e = new Script('en');
    e.say('OK. I want to file now. I am a teacher at Donghu Town Middle School. The school has not paid our overtime for evening self-study classes since March, about 40 hours a month.');
    e.say("It's the school itself, Donghu Middle School, on Hubin Road. Wait, is it okay to complain about my own employer? Could I get in trouble?");
    expect(e.text).toMatch(/retaliate/);
    expect(e.text).not.toContain('Your duties');
    expect(e.text).not.toMatch(/cannot answer/);
    expect(e.slots['respondent']).toBe('Donghu Middle School');
  });

  it('"能不能快点处理，太平间一天还要收两百块钱" and "我是问能不能快点，…" are answered; "会有人来现场看吗？" is answered', () => {
    const s = new Script();
    s.say('我男人上礼拜在县人民医院走了，医院说我们还欠三万多医药费，不交钱就不让我们把人拉回去火化，我要反映');
    s.say('我是问能不能快点，人不能一直放在那里啊');
    expect(s.text).toContain('理解您着急');
    const w = new Script();
    w.say('邻居家盖了一堵墙把我家出门的路堵死了 南河镇的');
    w.say('会有人来现场看吗？');
    expect(w.text).toContain('现场');
    expect(w.text).not.toContain('答不好');
  });
});

describe('round Z6, a disabled man whose allowance stopped', () => {
  it('"王楼村 俺也不知道是谁停的 可能是镇上残联" is the village and whom; "…残疾证到期了要换 上哪换" is asked, not told', () => {
    const s = new Script();
    s.say('俺腿瘸了二十年 有残疾证 今年残疾补贴给取消了');
    s.say('东湖');
    s.say('王楼村 俺也不知道是谁停的 可能是镇上残联');
    expect(s.slots['address']).toBe('王楼村');
    expect(s.slots['respondent']).toBe('镇残联');
    s.say('俺说了镇残联 对了俺那个残疾证到期了要换 上哪换');
    expect(String(s.slots['facts'])).not.toContain('上哪换');
  });

  it('on the summary "再补一句 …" and "… 这句给俺加上" add to the story; the story asked again from the menu is added to, never replaced by a sentence', () => {
    const s = new Script();
    for (const m of ['俺腿瘸了二十年 有残疾证 今年残疾补贴给取消了 村里说是上面定的 俺也不知道为啥', '东湖', '王楼村', '东湖镇残联', '把补贴给俺恢复了 就俺一个', '头一回', '刘水生 18625530917']) s.say(m);
    while (s.state.expecting !== 'confirm') s.say('跳过');
    s.say('地点就写王楼村 再补一句 补贴是今年三月份取消的');
    expect(s.slots['facts']).toMatch(/俺腿瘸了二十年[^]*补贴是今年三月份取消的$/);
    s.say('停了以后也没人通知俺 这句给俺加上');
    expect(s.slots['facts']).toMatch(/俺腿瘸了二十年[^]*停了以后也没人通知俺$/);
    s.press('edit:facts');
    s.say('俺去镇上问过一回');
    expect(s.slots['facts']).toMatch(/^俺腿瘸了二十年[^]*俺去镇上问过一回$/);
  });
});

describe('round Z6, a grandmother on an oxygen machine when the power was cut', () => {
  it('"她现在喘不上气" gets the ambulance first and a person; said again later, the ambulance again; "电工孙大海" is whom', () => {
    const s = new Script();
    s.say('北岭乡杨树沟村的电工孙大海跟俺家有过节，前天把俺家的电给掐了，说俺家欠电费，俺们根本不欠。俺婆婆八十多了在家用制氧机，没电机器开不了，她现在喘不上气');
    expect(s.text).toContain('120');
    expect(s.last.effects.some((e) => e.type === 'request_handoff')).toBe(true);
    expect(s.slots['respondent']).toBe('电工孙大海');
    s.say('赶紧给俺家恢复供电。就俺一家五口人。老人现在快不行了真的 俺是不是该打120');
    expect(s.text).toContain('120急救');
  });

  it('a nuisance that makes breathing hard is no emergency: "化工厂的烟熏得人喘不上气", "the smell is so bad we cannot breathe at night"', () => {
    const s = new Script();
    s.say('河口镇化工厂的烟熏得人喘不上气 天天这样');
    expect(s.text).not.toContain('120');
    const e = new Script('en');
    e.say('The pig farm next to us in Donghu: the smell is so bad we cannot breathe at night.');
    expect(e.text).not.toContain('120');
  });
});

describe('round Z6, a teacher whose landlord kept the deposit (en)', () => {
  const opening = "Hi, I'm an English teacher from Nigeria working at the county middle school. My landlord refuses to return my 3000 yuan deposit after I moved out. Can you help?";
  const toSummary = () => {
    const e = new Script('en');
    e.say(opening);
    e.say('Chengguan Town, the flat was in Xinhua Road, building 5 of Jinxiu Garden. And the complaint is against the landlord Mr. Liu, not the school! The school is my employer, they are fine.');
    expect(e.slots['respondent']).toBe('the landlord Mr. Liu');
    while (e.state.expecting !== 'confirm') e.say(e.state.expecting === 'name' ? 'Sarah Okafor, 15838204471' : e.state.expecting === 'demands' ? 'I want my full deposit of 3000 yuan back. Just me.' : 'skip');
    return e;
  };

  it('"the complaint is against the landlord Mr. Liu, not the school" is all of whom, never "middle Liu"', () => {
    toSummary();
  });

  it('three things in one message all land: whom, "My phone ends in 74, not 71", "put it under other"', () => {
    const e = toSummary();
    e.say("Three things: the complaint is against my landlord Liu Jianguo, not 'middle Liu'. My phone ends in 74, not 71, sorry. And it has nothing to do with demolition, it's a rental deposit dispute, put it under other.");
    expect(e.slots['respondent']).toBe('my landlord Liu Jianguo');
    expect(e.slots['phone']).toBe('15838204474');
    expect(e.slots['category']).toBe('other');
  });

  it('"Phone should be 158…. And the kind is wrong" changes both; "My phone number is 158…" changes the phone', () => {
    const e = toSummary();
    e.say("Phone should be 15838204474. And the kind is wrong, it's not demolition.");
    expect(e.slots['phone']).toBe('15838204474');
    const f = toSummary();
    f.say('My phone number is 15838204474');
    expect(f.slots['phone']).toBe('15838204474');
    const z = new Script();
    for (const m of ['房东不退押金三千块 城关镇幸福小区', '城关镇', '幸福小区', '房东', '退押金 就我自己', '没找过', '王芳 15838204471']) z.say(m);
    while (z.state.expecting !== 'confirm') z.say('跳过');
    z.say('电话尾号是74不是71');
    expect(z.slots['phone']).toBe('15838204474');
  });
});

describe('round Z6, dialect', () => {
  it('"木有", "木有找过 俺也不知道找谁" and "以前木找过" are the first time', () => {
    for (const said of ['木有', '木有找过 俺也不知道找谁', '俺是头一回反映 以前木找过']) {
      const s = new Script();
      s.say('河口镇菜市场门口城管把俺的秤收走了 不给开单子');
      while (s.state.expecting !== 'priorPetition') s.say(s.state.expecting === 'demands' ? '还秤 就俺自个' : s.state.expecting === 'respondent' ? '城管' : '跳过');
      s.say(said);
      expect(s.slots['priorPetition']).toBe('none');
    }
  });
});

describe('round Z6, a village head who sold the forest, a miner, bus drivers', () => {
  const forest = '我要举报我们村的村主任。南河镇上坪村村主任刘德旺，今年三月份私自把村里集体的二百多亩山林卖给了外地一个老板，卖了多少钱村民都不知道，没开村民大会，也没公示。能不能匿名举报？我怕他报复';

  it('"我们村的村主任。南河镇上坪村村主任刘德旺…" names him and the village; on the summary whom ends with its sentence and "山林不是二百多亩，我问清楚了是二百六十亩" swaps in the story', () => {
    const s = new Script();
    s.say(forest);
    expect(s.slots['respondent']).toBe('南河镇上坪村村主任刘德旺');
    expect(s.slots['address']).toBe('上坪村');
    for (const m of ['要求查清卖林子的钱到哪去了，处理刘德旺。全村一百二十来户都有份', '我就是我个人举报，不代表别人', '没有，第一次', '那我匿名吧']) s.say(m);
    while (s.state.expecting !== 'confirm') s.say('跳过');
    s.say('被反映对象写错了，应该是上坪村村主任刘德旺。另外山林不是二百多亩，我问清楚了是二百六十亩');
    expect(s.slots['respondent']).toBe('上坪村村主任刘德旺');
    expect(String(s.slots['facts'])).toContain('二百六十亩山林');
  });

  it('(en) "applied for labour arbitration but they rejected it" is earlier handling, not a matter in arbitration', () => {
    const e = new Script('en');
    e.say('my father worked 22 years in the Qingshi coal mine, now he has black lung disease stage 2. the mine refuses any compensation.');
    while (e.state.expecting !== 'priorPetition') e.say(e.state.expecting === 'demands' ? 'we want compensation for his disease. only my father' : e.state.expecting === 'township' ? 'Qingshi' : 'skip');
    e.say('We applied for labour arbitration last year but they rejected it, said it was too late.');
    expect(e.slots['priorPetition']).toBe('earlier_petition');
  });

  it('"我一个还有老李李国庆电话159…" is 李国庆, not 李李国', () => {
    expect(readRepresentatives('我一个还有老李李国庆电话15937708812', 5)).toEqual([
      { self: true, name: null, phone: null },
      { self: false, name: '李国庆', phone: '15937708812' },
    ]);
  });
});

describe('round Z6, questions and counts in few words', () => {
  it('"这个要交钱不 俺木有钱" asked the kind is answered (free), and the kind asked again', () => {
    const s = new Script();
    s.say('你好 俺是养蜂的 乡里打药把俺的蜂子全药死了 咋整');
    s.say('西山乡 石板沟村 俺的蜂场在后山坡上');
    while (s.state.expecting !== 'category') s.say('跳过');
    s.say('这个要交钱不 俺木有钱');
    expect(s.text).toContain('不收任何费用');
    expect(s.state.expecting).toBe('category');
    expect(s.slots['category']).toBeUndefined();
  });

  it('"算俩吧" is two; "俩人 听不懂咋的" is no call for a person', () => {
    expect(readPeopleCount('俺自个 旁边卖菜的老刘秤也叫收了 算俩吧')?.n).toBe(2);
    const s = new Script();
    s.say('河口镇菜市场门口城管把俺的秤收走了 不给开单子');
    while (s.state.expecting !== 'demands' && s.state.expecting !== 'peopleCount') s.say(s.state.expecting === 'respondent' ? '城管' : '跳过');
    s.say('俩人 听不懂咋的');
    expect(s.last.effects.some((e) => e.type === 'request_handoff')).toBe(false);
  });

  it('(en) "Should we stop drinking the water now?" gets safety advice; a diesel leak into a well is environment', () => {
    const e = new Script('en');
    e.say('Hello, our village Xiaohe in Hekou Town has a big problem. Since a new gas station opened near the village, our well water smells of diesel and some kids got stomach aches.');
    expect(e.slots['category']).toBe('environment');
    e.say('The new gas station, Xinda gas station. Should we stop drinking the water now?');
    expect(e.text).toMatch(/Safety first/);
  });
});

describe('round Z6, a Filipino wife with a leaking ceiling (en)', () => {
  it('"can foreigners petition?" is answered; "It\'s me and my husband and our son." is three people, out of the request; "Never to the government" is the first time; "remove \'It\'s me…\'" strikes it whole', () => {
    const e = new Script('en');
    e.say("Good evening. Water has been leaking through my bathroom ceiling from the flat upstairs for 3 months. The property management company keeps saying they will send someone but never do.");
    e.say('Hekou Town, Binhe Community, building 12 unit 2 flat 301.');
    e.say("I'm not Chinese, can foreigners petition?");
    expect(e.text).toContain('Whatever your nationality');
    while (e.state.expecting !== 'demands') e.say('skip');
    e.say("ok... I want the property company to find and repair the leak and fix my ceiling, and pay for the damage. It's me and my husband and our son.");
    expect(e.slots['peopleCount']).toBe(3);
    expect(String(e.slots['demands'])).not.toContain('husband');
    while ((e.state.expecting as string) !== 'priorPetition') e.say('skip');
    e.say('Only the property company, maybe 6 or 7 calls. Never to the government.');
    expect(e.slots['priorPetition']).toBe('none');
  });
});

describe('round Z6/Z7, the case looked up beside a question; pinyin; safety', () => {
  it('"I want to check the status. case XF… code …. and can I add a photo?" looks the case up and answers the photo', () => {
    const e = new Script('en');
    e.say('Our well in Xiaohe village, Hekou Town smells of diesel since the new gas station opened. Kids have stomach aches.');
    const expecting = (): string | null => e.state.expecting;
    while (expecting() !== 'confirm') e.say(expecting() === 'name' ? 'Tom Li, 13526679083' : expecting() === 'demands' ? 'fix the leak. just my family' : 'skip');
    const r = e.say('submit');
    const sub = r.effects.find((x) => x.type === 'submit_petition') as { draft: { intakeId: string } };
    e.event({ type: 'petition_submitted', intakeId: sub.draft.intakeId, caseNumber: 'XF202612080008', queryCode: '41984681' });
    e.say('I want to check the status. case XF202612080008 code 41984681. and can I add a photo of the water?');
    expect(e.text).toMatch(/photo/i);
    expect(e.last.effects.some((x) => x.type === 'open_own_case')).toBe(true);
  });

  it('pinyin typed in a Chinese conversation keeps Chinese ("wo de gaoling butie mei le", "ti jiao")', () => {
    expect(detectLocale('wo de gaoling butie mei le', 'zh')).toBe('zh');
    expect(detectLocale('ti jiao', 'zh')).toBe('zh');
    expect(detectLocale('I want to file a complaint', 'zh')).toBe('en');
    expect(detectLocale('hello', 'zh')).toBe('en');
  });

  it('(en) "is it safe for me to complain, will I get deported?" is about retaliation, not water', () => {
    const e = new Script('en');
    e.say("I'm a Canadian teacher in Chengguan Town, my school has not paid me for 3 months. Btw is it safe for me to complain, will I get deported?");
    expect(e.text).not.toMatch(/Safety first/);
  });
});

describe('round Z7, a grave flattened at night', () => {
  it('"你们这个平坟到底有没有王法？我爹的坟半夜就给挖了…" starts a petition, never asks for a case number', () => {
    const s = new Script();
    s.say('你们这个平坟到底有没有王法？我爹的坟半夜就给挖了，连个招呼都没打！');
    expect(s.state.forms.some((f) => f.form === 'intake')).toBe(true);
    expect(s.slots['facts']).toContain('我爹的坟半夜就给挖了');
  });
});

describe('round Z8 (own tries): a hand-over declined in protest, additions to the story, answers out of turn', () => {
  it('"我又没闹事 你转人工干嘛 我自己填" takes the chat out of the queue and keeps the protest out of the facts', () => {
    const s = new Script();
    s.say('我要反映问题');
    s.say('转人工');
    expect(s.state.handoff).not.toBeNull();
    s.say('我又没闹事 你转人工干嘛 我自己填');
    expect(s.last.effects.some((e) => e.type === 'withdraw_handoff')).toBe(true);
    expect(s.state.handoff).toBeNull();
    expect(s.slots['facts']).toBeUndefined();
    expect(s.state.expecting).toBe('facts');
  });

  it('(en) "why you call staff? i am calm. let me fill it myself" withdraws it; "I want to talk to a person" is no request', () => {
    const s = new Script('en');
    s.say('I want to file a complaint');
    s.say('I want to talk to a person');
    expect(s.last.effects.some((e) => e.type === 'request_handoff')).toBe(true);
    expect(s.slots['demands']).toBeUndefined();
    s.say('why you call staff? i am calm. let me fill it myself');
    expect(s.last.effects.some((e) => e.type === 'withdraw_handoff')).toBe(true);
    expect(s.slots['facts']).toBeUndefined();
    const h = new Script('en');
    h.say('I want to file a complaint');
    h.say('human');
    expect(h.text).not.toMatch(/a little short/);
  });

  it('(en) "Can I file on her behalf?" and "我替她说行不" are answered', () => {
    const e = new Script('en');
    e.say('I want to file a complaint');
    e.say("my mother is 80, she can't type. Can I file on her behalf?");
    expect(e.text).toMatch(/file for a family member/);
    const z = new Script();
    z.say('我要反映问题');
    z.say('俺娘八十了不会打字 我替她说行不');
    expect(z.text).toMatch(/可以替家人反映/);
  });

  it('a request said when asked whom, and "没找过" when asked the request, go to their own fields', () => {
    const s = new Script();
    s.say('我要反映问题');
    s.say('俺是东湖镇李家村的，俺家低保今年停了，村里说俺儿子打工挣钱了，可俺儿子早就没工作了');
    expect(s.state.expecting).toBe('respondent');
    s.say('想让恢复低保');
    expect(s.slots['demands']).toBe('想让恢复低保');
    expect(s.slots['respondent']).toBeUndefined();
    s.say('村委会');
    expect(s.state.expecting).toBe('peopleCount');
    const t = new Script();
    t.say('我要反映问题');
    t.say('俺是东湖镇李家村的，俺家低保今年停了，村里说俺儿子打工挣钱了，可俺儿子早就没工作了');
    t.say('村委会');
    expect(t.state.expecting).toBe('demands');
    t.say('没找过');
    expect(t.slots['priorPetition']).toBe('none');
    expect(t.slots['demands']).toBeUndefined();
  });

  it('"first time" taken back in free words replaces it ("找过镇政府，他们推给县里"; "Actually wait, I did go to the labour bureau")', () => {
    const s = new Script();
    s.say('我要反映问题');
    s.say('俺是东湖镇李家村的，俺家低保今年停了，村里说俺儿子打工挣钱了，可俺儿子早就没工作了');
    s.say('村委会');
    s.say('没找过');
    s.say('找过镇政府，他们推给县里');
    expect(s.slots['priorPetition']).toBe('earlier_petition');
    expect(s.slots['priorDetail']).toContain('找过镇政府');
    expect(s.text).not.toMatch(/行为规范/);
    const e = new Script('en');
    e.say('I want to file a complaint');
    e.say('The brick factory in Donghu Town owes me 3 months of wages, about 9000 yuan');
    e.say('First time');
    expect(e.slots['priorPetition']).toBe('none');
    expect(e.slots['address']).toBeUndefined();
    e.say('Actually wait, I did go to the labour bureau in September, they said wait');
    expect(e.slots['priorPetition']).toBe('earlier_petition');
    expect(e.slots['priorDetail']).toMatch(/labour bureau/);
  });

  it('on the summary: an addition with or without the field named, and "把最后那句去了"; a change is never a yes to stopping', () => {
    const s = onSummary();
    const facts0 = s.slots['facts'] as string;
    s.say('不说了');
    expect(s.text).toMatch(/停止/);
    s.say('10月8号停的，加到事情经过里');
    expect(s.state.forms.some((f) => f.form === 'intake')).toBe(true);
    expect(s.state.expecting).toBe('confirm');
    expect(s.slots['facts']).toBe(`${facts0}；10月8号停的`);
    s.say('再加上一句 村干部说是镇上定的');
    expect(s.slots['facts']).toBe(`${facts0}；10月8号停的；村干部说是镇上定的`);
    s.say('把最后那句去了');
    expect(s.slots['facts']).toBe(`${facts0}；10月8号停的`);
    s.say('再补充一下身份证号 110101199003077571');
    expect(s.slots['facts']).toBe(`${facts0}；10月8号停的`);
    expect(s.slots['idNumber']).toBe('110101199003077571');
  });
});

describe('round Z7 leftovers: whom, named loosely; how material is given', () => {
  it('"叫啥路桥公司来着" is a road company whose name is forgotten, not "啥路桥公司"', () => {
    const s = new Script();
    s.say('我要反映问题');
    s.say('青石镇修路的把俺家地占了 叫啥路桥公司来着 没给钱');
    expect(s.slots['respondent']).toBe('路桥公司（名称不详）');
  });

  it('"…派出所不给俺儿子上户口 还有乡里民政也不管" names both, the township\'s office by its name', () => {
    const s = new Script();
    s.say('我要反映问题');
    s.say('北岭乡派出所不给俺儿子上户口 还有乡里民政也不管');
    expect(s.slots['respondent']).toBe('北岭乡派出所、北岭乡民政所');
  });

  it('"我想问问材料咋给你们" before any case is told how, not asked for a case', () => {
    const s = new Script();
    s.say('你好');
    s.say('我想问问材料咋给你们');
    expect(s.text).toMatch(/直接在这里发给我/);
    expect(s.last.effects.some((e) => e.type === 'list_my_cases')).toBe(false);
  });
});

describe('round Z7 leftovers: a moment away', () => {
  it('"hold on, my son is crying" and "等一下 孩子哭了" keep the question open and store nothing', () => {
    const e = new Script('en');
    e.say('I want to file a complaint');
    e.say('hold on, my son is crying');
    expect(e.text).toMatch(/take your time/);
    expect(e.slots).toEqual({});
    const z = new Script();
    z.say('我要反映问题');
    z.say('等一下 孩子哭了');
    expect(z.text).toMatch(/您先忙/);
    expect(z.slots).toEqual({});
  });
});

describe('round Z7 leftovers: traditional characters; a mistyped ID number added late', () => {
  it('"訴求改成把工錢一次結清" on the summary changes the request', () => {
    const s = onSummary();
    s.say('訴求改成把工錢一次結清');
    expect(s.slots['demands']).toBe('把工钱一次结清');
  });

  it('"再补充一下身份证号 …" with a digit wrong, after declining it, is checked, not told as the story', () => {
    const s = onSummary();
    const facts0 = s.slots['facts'];
    s.say('再补充一下身份证号 110101199003077578');
    expect(s.text).toMatch(/校验位不对/);
    expect(s.slots['facts']).toBe(facts0);
  });
});

describe('round Z8: the reporter of a village head, and an old woman whose daughter types', () => {
  it('"村长马德胜把低保都给他亲戚了" is a report against an official; "俺能不写名字不" is answered', () => {
    const s = new Script();
    s.say('我要反映问题');
    s.say('俺们村长马德胜把低保都给他亲戚了 俺家这么困难也评不上');
    expect(s.slots['category']).toBe('conduct');
    s.say('桃源乡 俺能不写名字不 马德胜他家在村里横的很');
    expect(s.text).toMatch(/匿名/);
  });

  it('"不是不登 俺是说那算了就写名吧 俺叫李长顺 电话136…" goes on and keeps the name and phone; "别让马德胜知道" is answered', () => {
    const s = new Script();
    s.say('我要反映问题');
    s.say('俺是桃源乡杨庄村的 村长马德胜把低保都给他亲戚了 俺家这么困难也评不上');
    while (s.state.expecting !== 'name') s.say(s.state.expecting === 'demands' ? '让上边来查查 就俺一家' : s.state.expecting === 'priorPetition' ? '没找过' : '不说');
    s.say('那算了');
    expect(s.text).toMatch(/停止/);
    s.say('不是不登 俺是说那算了就写名吧 俺叫李长顺 电话13683957246 你们可别让马德胜知道');
    expect(s.slots['name']).toBe('李长顺');
    expect(s.slots['phone']).toBe('13683957246');
    expect(s.text).toMatch(/不会透露|打击报复/);
  });

  it('after filing, "俺那低保的事有人管没有 马德胜知道了没" opens the case filed, never a new petition', () => {
    const s = onSummary();
    const r = s.say('提交');
    const sub = r.effects.find((e) => e.type === 'submit_petition') as { draft: { intakeId: string } };
    s.event({ type: 'petition_submitted', intakeId: sub.draft.intakeId, caseNumber: 'XF202612080021', queryCode: '12345678' });
    s.say('俺那工钱的事有人管没有 包工头知道了没');
    expect(s.last.effects.some((e) => e.type === 'open_own_case')).toBe(true);
    expect(s.state.forms.some((f) => f.form === 'intake')).toBe(false);
  });

  it('"能叫俺闺女替俺弄不" is told a relative may type for her', () => {
    const s = new Script();
    s.say('我要反映问题');
    s.say('俺家在河口镇渡口村 俺眼神不好打字慢 能叫俺闺女替俺弄不');
    expect(s.text).toMatch(/家里人帮您打字/);
  });
});

describe('round Z8: a son filing for his tenant mother', () => {
  it('"My mother, 78, rented a room in Xishan Township, Shiqiao village. …" asked where: the village, not the sentence', () => {
    const s = new Script('en');
    s.say('I want to file a complaint for my mother');
    s.say('My mother, 78, rented a room in Xishan Township, Shiqiao village. The township demolition office tore the building down in October and she got nothing, no notice.');
    expect(s.slots['township']).toBe('西山乡');
    expect(s.slots['address']).toBe('Shiqiao village');
  });
});

describe('round Z8: a delivery rider hit by city management officers (en)', () => {
  const rider = (): Script => {
    const s = new Script('en');
    s.say('I work as a food delivery rider in Chengguan. Yesterday afternoon chengguan officers stopped me on Renmin Road, said I parked wrong, took my e-bike, and when I tried to get my phone off the bike one of them pushed me and hit me in the face. My lip was bleeding. I want to report them.');
    s.say("I told you, Renmin Road, near the Xinhua bookstore. It's the county urban management bureau team, the one who hit me had badge number 0237. Also, question: do I have to pay a fine first to get my bike back? I can't work without it.");
    return s;
  };

  it('"do I have to pay a fine to get the bike back?" is answered; "Give my bike back, pay my clinic bill…" is the whole request; "you didn\'t answer about the fine" is no part of whom', () => {
    const s = rider();
    s.say("County Urban Management Bureau, officer with badge 0237. And you didn't answer about the fine.");
    expect(s.slots['respondent']).toBe('County Urban Management Bureau, officer with badge 0237');
    s.say('Give my bike back, pay my clinic bill (180 yuan), and the officer who hit me should be disciplined and apologise. Just me. Seriously though, do I have to pay a fine to get the bike back?');
    expect(s.text).toMatch(/administrative reconsideration/);
    expect(s.slots['demands']).toMatch(/^Give my bike back, pay my clinic bill/);
    s.say("That's not what I asked, I know petitioning is free, I mean the chengguan fine for the bike. Anyway: first time.");
    expect(s.slots['demands']).toMatch(/^Give my bike back/);
  });

  it('on the summary, "Request should be: … Complaint against should be just: …" changes both; "Delete this from what happened: "…"" strikes only those words', () => {
    const s = rider();
    const expecting = (): string | null => s.state.expecting;
    while (expecting() !== 'confirm') s.say(expecting() === 'name' ? 'Ahmed Raza, 15190347826' : expecting() === 'demands' ? 'give my bike back. just me' : expecting() === 'respondent' ? 'the county urban management bureau' : 'skip');
    s.say('This is messed up. Request should be: return my e-bike, pay my 180 yuan clinic bill, discipline the officer and make him apologise. Complaint against should be just: County Urban Management Bureau, officer badge 0237.');
    expect(s.slots['demands']).toBe('return my e-bike, pay my 180 yuan clinic bill, discipline the officer and make him apologise');
    expect(s.slots['respondent']).toBe('County Urban Management Bureau, officer badge 0237');
    const facts = s.slots['facts'] as string;
    expect(facts).toContain('Also, question: do I have to pay a fine first to get my bike back?');
    s.say('Delete this from what happened: "Also, question: do I have to pay a fine first to get my bike back?"');
    expect(s.slots['facts']).not.toContain('do I have to pay a fine');
    expect(s.slots['facts']).toMatch(/^I work as a food delivery rider/);
  });
});

describe('round Z8: a rural teacher, a returnee, a widow — questions and corrections', () => {
  it('"有几处不对：地点应该是…；反映的对象应该是县教育局和乡中心校，不是我们学校" corrects whom, never the story', () => {
    const s = new Script();
    s.say('您好，我是北岭乡大洼小学的老师，想问一下乡村教师生活补助的事。文件上说每月有400元，我们学校从去年9月开始就没发了，问校长说是乡中心校那边没拨下来。');
    const expecting = (): string | null => s.state.expecting;
    while (expecting() !== 'confirm') s.say(expecting() === 'name' ? '周丽，电话18739465120' : expecting() === 'demands' ? '希望把欠的补助补发，以后按月发。就我自己' : expecting() === 'priorPetition' ? '问过校长' : expecting() === 'address' ? '大洼小学' : '不知道');
    const facts = s.slots['facts'];
    s.say('有几处不对：地点应该是大洼村大洼小学；反映的对象应该是县教育局和乡中心校，不是我们学校。');
    expect(s.slots['address']).toBe('大洼村大洼小学');
    expect(s.slots['respondent']).toBe('县教育局和乡中心校');
    expect(s.slots['facts']).toBe(facts);
  });

  it('"the developer", "the factory" asked how many are no wish to stop', () => {
    const s = new Script('en');
    s.say('hi, I came back from Canada in 2022 and bought an apartment in Qingshi Town, the Jinxiu Garden development. It has been two years and I still do not have my property certificate. The developer keeps blaming the government.');
    s.say('skip');
    expect(s.state.expecting).toBe('peopleCount');
    s.say('the developer');
    expect(s.text).not.toMatch(/stop this petition/);
  });

  it('"教研组长孙红梅" is 孙红梅; "把长孙红梅删掉" keeps 孙红梅', () => {
    expect(readRepresentatives('就我一个，还有我们教研组长孙红梅也算一个吧，她电话15937261845')?.map((r) => r.name)).toEqual([null, '孙红梅']);
    expect(readRepresentatives('应该只有两个：周丽 18739465120，孙红梅 15937261845。把长孙红梅删掉。')?.map((r) => r.name)).toEqual(['周丽', '孙红梅']);
  });

  it('"诉求后半截俺问你话呢那几个字不要" strikes those words; "俺问你话呢" is never part of a request', () => {
    const s = new Script();
    s.say('我要反映问题');
    s.say('俺老头子去年腊月没了 他是县粮食局退休的 按说该有一笔抚恤金和丧葬费 到现在一分也没给');
    s.say('河口镇渡口村');
    s.say('县粮食局');
    s.say('就要把抚恤金和丧葬费给俺发了 俺问你话呢 俺闺女能替俺弄不');
    expect(s.slots['demands']).toBe('就要把抚恤金和丧葬费给俺发了');
  });

  it('questions: "你们这个真是政府的吗", "Will the staff call me in English?", "go visit my mother directly?"; "ok I\'m back. where were we? I want …" answers', () => {
    const z = new Script();
    z.say('我要反映问题');
    z.say('你们这个真是政府的吗 别是骗子吧');
    expect(z.text).toMatch(/县里的正式渠道/);
    const e = new Script('en');
    e.say('I want to file a complaint');
    e.say('Will the staff call me in English? My Chinese reading is not so good.');
    expect(e.text).toMatch(/contact me in English/);
    e.say('Will the office contact me or go visit my mother directly? She gets scared by officials at the door.');
    expect(e.text).toMatch(/come to see the place|contact you first/);
    const b = new Script('en');
    b.say('hi, I came back from Canada in 2022 and bought an apartment in Qingshi Town, the Jinxiu Garden development. It has been two years and I still do not have my property certificate. The developer keeps blaming the government.');
    expect(b.state.expecting).toBe('demands');
    b.say("ok I'm back. where were we? I want the certificate issued, that's all.");
    expect(b.slots['demands']).toMatch(/^I want the certificate issued/);
  });
});

describe('round Z8: a shop owner fined, an amputee on voice input', () => {
  it('"罚我的是城关市场监管所" names whom; "我听说可以申请行政复议，是不是走那个更好？" is answered and is no earlier handling', () => {
    const s = new Script();
    s.say('你好，我在城关镇开了个小超市，上个月市场监管所来检查，说我货架上有两包过期的饼干，罚了我两万块。我觉得太重了，饼干是刚过期一天，我还没来得及下架。这事归哪个部门管？');
    s.say('店在建设路和文化街交叉口，叫刘记便民超市。罚我的是城关市场监管所，带队的姓赵。');
    expect(s.slots['respondent']).toBe('城关市场监管所');
    s.say('不对不对，刘记超市是我自己的店，我反映的是城关市场监管所，不是反映我自己');
    expect(s.slots['demands']).toBeUndefined();
    s.say('我想让他们重新核一下，罚款减一点，两万我一个小店半年都挣不到。就我自己。对了，我听说可以申请行政复议，是不是走那个更好？');
    expect(s.text).toMatch(/60日内申请行政复议/);
    expect(s.slots['priorPetition']).toBeUndefined();
    expect(s.slots['demands']).toBe('我想让他们重新核一下，罚款减一点，两万我一个小店半年都挣不到');
  });

  it('punctuation spoken into voice input ("逗号", "句号") is punctuation; "坎是土字旁的坎不是砍柴的砍" spells, it is no value', () => {
    const s = new Script();
    s.say('我是西山乡的残疾人我的残疾人补贴从今年三月份就没有了我去残联问他们说我不符合条件了我腿是截肢的怎么就不符合了呢句号');
    expect(s.slots['facts']).toMatch(/不符合了呢。$/);
    s.say('石门砍村逗号就是石门坎村我住在村委会后边');
    expect(JSON.stringify(s.slots)).not.toMatch(/逗号/);
    const expecting = (): string | null => s.state.expecting;
    while (expecting() !== 'confirm') s.say(expecting() === 'name' ? '我叫王保田电话是13907654321' : expecting() === 'demands' ? '那就好我要把补贴给我恢复了还有三月份到现在的也补给我就我自己' : expecting() === 'priorPetition' ? '去过县残联两回' : '不知道');
    expect(s.slots['peopleCount']).toBe(1);
    s.say('村名写错了是石门坎村坎是土字旁的坎不是砍柴的砍');
    expect(s.slots['address']).toMatch(/^石门坎村/);
  });
});

describe('round Z8: a foreign wife asks to take a private sentence out', () => {
  it('"It should be Maria Santos. Also please remove the sentence about my husband\'s family from what happened" does both', () => {
    const s = new Script('en');
    s.say('Hello. I am from the Philippines, married to a Chinese man in Donghu Town. Our son is 7 and has no hukou, and now the primary school says he cannot enrol. My husband\'s family doesn\'t want trouble with the school.');
    const expecting = (): string | null => s.state.expecting;
    while (expecting() !== 'confirm') s.say(expecting() === 'name' ? 'Maria Santos Chen, phone 15867452301' : expecting() === 'demands' ? 'I want my son to go to school. Just our family.' : 'skip');
    s.say("You didn't change my name. It should be Maria Santos. Also please remove the sentence about my husband's family from what happened, it's private.");
    expect(s.slots['name']).toBe('Maria Santos');
    expect(s.slots['facts']).not.toMatch(/husband's family/);
    expect(s.slots['facts']).toMatch(/Our son is 7/);
  });
});

describe('round Z8: whose phone it is', () => {
  it('"诉求后半截俺问你话呢那几个字不要 电话那写上是俺闺女刘红的 …" keeps the request and tells staff whose phone it is', () => {
    const s = new Script();
    for (const m of ['我要反映问题', '俺老头子去年腊月没了 他是县粮食局退休的 按说该有一笔抚恤金和丧葬费 到现在一分也没给', '河口镇渡口村', '县粮食局', '就要把抚恤金和丧葬费给俺发了 俺问你话呢', '就俺一家', '去问了好几趟都说等等', '孙桂英 18237465901', '不给']) s.say(m);
    expect(s.state.expecting).toBe('confirm');
    s.say('诉求后半截俺问你话呢那几个字不要 电话那写上是俺闺女刘红的 省得人家打过去找不着俺');
    expect(s.slots['demands']).toBe('就要把抚恤金和丧葬费给俺发了');
    expect(s.slots['facts']).toMatch(/（联系电话是闺女刘红的）$/);
  });
});

describe('round Z9: after filing, and dates inside the story', () => {
  const filed = (): Script => {
    const s = onSummary();
    const r = s.say('提交');
    const sub = r.effects.find((e) => e.type === 'submit_petition') as { draft: { intakeId: string } };
    s.event({ type: 'petition_submitted', intakeId: sub.draft.intakeId, caseNumber: 'XF202612080031', queryCode: '12345678' });
    return s;
  };

  it('"医院的结账单子跟费用清单要不要交给你们 咋交" after filing is told how, never a new petition', () => {
    const s = filed();
    s.say('医院的结账单子跟费用清单要不要交给你们 咋交');
    expect(s.text).toMatch(/会附到案件 XF202612080031/);
    expect(s.state.forms.some((f) => f.form === 'intake')).toBe(false);
  });

  it('"事情经过里面把18号改成16号" and "事情经过里上个月18号改成上个月16号" change the story, never the place', () => {
    for (const said of ['事情经过里面把18号改成16号', '事情经过里上个月18号改成上个月16号']) {
      const s = new Script();
      s.say('反映个食品安全的事。上个月18号青石镇上的福满楼饭店办我侄子的婚宴，吃完当天晚上就有四十多个人上吐下泻，饭店老板到现在不认账。');
      const expecting = (): string | null => s.state.expecting;
      while (expecting() !== 'confirm') s.say(expecting() === 'name' ? '吴长河，电话13782046319' : expecting() === 'address' ? '中心街和兴隆路交叉口' : expecting() === 'demands' ? '让老板把医药费赔了' : expecting() === 'representatives' ? '代表是我' : expecting() === 'peopleCount' ? '46个人' : '不知道');
      const place = s.slots['address'];
      s.say(said);
      expect(s.slots['facts']).toMatch(/上个月16号青石镇上的福满楼饭店/);
      expect(s.slots['address']).toBe(place);
    }
  });
});

describe("round Z9: a representative's phone is never the citizen's", () => {
  it('"代表就俺 还有俺们村会计刘长海 他电话138…" and "me, and the village head Chen Baoshan 139…"', () => {
    const s = new Script();
    for (const m of ['喂 俺是西山乡石磨村的 今年三月份开始8路公交车就不到俺们石磨村了 老人看病得走八里地', '告的是县交通局和公交公司', '俺要的就是8路车恢复到石磨村 全村三百多人', '俺代表大伙 村里好多老人都托俺来说']) s.say(m);
    expect(s.state.expecting).toBe('representatives');
    s.say('代表就俺 还有俺们村会计刘长海 他电话13837261945');
    expect(s.slots['phone']).toBeUndefined();
    expect(s.slots['representatives']).toEqual([{ self: true, name: null, phone: null }, { self: false, name: '刘长海', phone: '13837261945' }]);
    expect(readRepresentatives('me, and the village head Chen Baoshan 13937745120')).toEqual([{ self: true, name: null, phone: null }, { self: false, name: 'Chen Baoshan', phone: '13937745120' }]);
  });
});

describe('round Z9: a neighbour\'s illegal building — three fixes in one message', () => {
  it('"被反映的人写孙建军，别光写邻居" keeps no instruction; "有几处要改：被反映对象只写孙建军，后面那几个字去掉；地点写全…；事情经过里的17号也改成19号。"', () => {
    const s = new Script();
    const lines = [
      '我要反映邻居违建的事。我家在城关镇东关社区建设街17号，后邻居孙建军今年夏天在自家平房上又加盖了两层，离我家不到三米，现在我家一楼堂屋和厨房全天见不到太阳，冬天晒不了被子。',
      '希望按违建处理，把加盖的两层拆掉。就我们一家。这种事最后是谁来管？城管还是住建局？',
      '找过东关社区，社区说他们管不了。另外我刚才门牌号说错了，是建设街19号；被反映的人写孙建军，别光写邻居；经过里再加一句：他盖房没有办任何规划手续，社区也证实了。',
      '周立新，13569820371，身份证411523197906051236。问一下，处理的时候孙建军会知道是我反映的吗？毕竟是前后邻居。',
      '有几处要改：被反映对象只写孙建军，后面那几个字去掉；地点写全，东关社区建设街19号；事情经过里的17号也改成19号。',
    ];
    for (const m of lines.slice(0, 3)) s.say(m);
    expect(s.slots['respondent']).toBe('孙建军');
    s.say(lines[3]!);
    s.say(lines[4]!);
    expect(s.slots['respondent']).toBe('孙建军');
    expect(s.slots['address']).toBe('东关社区建设街19号');
    expect(s.slots['facts']).toMatch(/建设街19号/);
    expect(s.slots['facts']).not.toMatch(/建设街17号/);
  });
});

describe('round Z9: a villager reporting a rigged election', () => {
  it('"…这能匿名不" is answered, not taken as the choice; "俺就问问 俺不匿名 俺敢实名 俺要求重新选举…" is the request alone', () => {
    const s = new Script();
    s.say('俺要举报俺们村选举作假 河口镇大王庄村今年村委换届 村支书王建设和镇上包村干部李红伟提前把选票填好了 投票那天不让俺们自己写 还有人拿五十块钱一票买票 这能匿名不');
    expect(s.text).toMatch(/检举干部问题可以匿名/);
    expect(s.slots['name']).toBeUndefined();
    s.say('俺就问问 俺不匿名 俺敢实名 俺要求重新选举 查买票的事 全村一千二百多口人 有选举权的八百来人');
    expect(s.slots['demands']).toBe('俺要求重新选举 查买票的事');
  });
});
